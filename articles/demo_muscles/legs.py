"""Demo muscles of the legs and pelvic floor: records, articles and the sources they cite.

The facts behind each record and article are listed, with the source and the place it was read,
in ``demo_content/facts/<slug>.toml``. Sources here are public pages the team read; the two
reference books of ``articles.demo`` are cited only for what the team's facts brief took from them
(the idea of referred pain and the general self-treatment advice).
"""

REFERENCES: list[dict] = [
    {
        "key": "gray1918",
        "authors": "Gray H",
        "title": "Anatomy of the Human Body",
        "edition": "20th ed., revised by W. H. Lewis",
        "publisher": "Lea & Febiger (public-domain text published online by Bartleby.com)",
        "year": 1918,
        "url": "https://www.bartleby.com/107/",
    },
    {
        "key": "kent2012",
        "authors": "Kent D",
        "title": "Hip and Thigh Pain: The Tensor Fascia Latae Connection",
        "publisher": "Massage Today",
        "year": 2012,
        "url": "https://massagetoday.com/articles/14542/"
        "Hip-and-Thigh-Pain-The-Tensor-Fascia-Latae-Connection",
    },
    {
        "key": "sanchezromero2020",
        "authors": "Sánchez Romero EA, Fernández Carnero J, Villafañe JH, Calvo-Lobo C, "
        "Ochoa Sáez V, Burgos Caballero V, Laguarta Val S, Pedersini P, Pecos Martín D",
        "title": "Prevalence of Myofascial Trigger Points in Patients with Mild to Moderate "
        "Painful Knee Osteoarthritis: A Secondary Analysis",
        "publisher": "Journal of Clinical Medicine 9(8)",
        "year": 2020,
        "pages": "2561",
        "url": "https://pmc.ncbi.nlm.nih.gov/articles/PMC7464556",
    },
    {
        "key": "nhsggc-adductor",
        "authors": "NHS Greater Glasgow and Clyde",
        "title": "Anterior groin pain: adductor (musculoskeletal physiotherapy guidance)",
        "publisher": "NHS Scotland Right Decisions, GGC MSK index (undated web page)",
        "year": 2026,
        "pages": "read December 2026",
        "url": "https://rightdecisions.scot.nhs.uk/ggc-msk-index/hip/anterior-groin-adductor",
    },
    {
        "key": "cobb2018-adductor",
        "authors": "Cobb B",
        "title": "Trigger points in the adductor longus",
        "publisher": "Aberdeen Chiropractic (clinic blog)",
        "year": 2018,
        "url": "https://aberdeenchiropracticblog.com/2018/08/04/trigger-points-in-the-adductor-longus/",
    },
    {
        "key": "namtpt-vastus-lateralis",
        "authors": "National Association of Myofascial Trigger Point Therapists",
        "title": "Symptom checker: vastus lateralis",
        "publisher": "NAMTPT (undated web page)",
        "year": 2026,
        "pages": "read December 2026",
        "url": "http://check.myofascialtherapy.org/symptomcheck/symptom_leg_lateralis.html",
    },
    {
        "key": "rozenfeld2020",
        "authors": "Rozenfeld E, Finestone AS, Moran U, Damri E, Kalichman L",
        "title": "The prevalence of myofascial trigger points in hip and thigh areas in anterior "
        "knee pain patients",
        "publisher": "Journal of Bodywork & Movement Therapies 24(1)",
        "year": 2020,
        "pages": "31-38",
        "url": "https://pubmed.ncbi.nlm.nih.gov/31987560/",
    },
    {
        "key": "namtpt-soleus",
        "authors": "National Association of Myofascial Trigger Point Therapists",
        "title": "Symptom checker: soleus",
        "publisher": "NAMTPT (undated web page)",
        "year": 2026,
        "pages": "read December 2026",
        "url": "http://check.myofascialtherapy.org/symptomcheck/symptom_leg_soleus.html",
    },
    {
        "key": "namtpt-gastrocnemius",
        "authors": "National Association of Myofascial Trigger Point Therapists",
        "title": "Symptom checker: gastrocnemius",
        "publisher": "NAMTPT (undated web page)",
        "year": 2026,
        "pages": "read December 2026",
        "url": "http://check.myofascialtherapy.org/symptomcheck/symptom_leg_gastrocnemius.html",
    },
    {
        "key": "simon2019",
        "authors": "Simon M, Pérez-Bellmunt A, Peillon O, Ragazzi P, Myers Escolà A, "
        "López-de-Celis C",
        "title": "Treatment of the Myofascial Trigger-Points of Triceps Surae: A Systematic Review",
        "publisher": "International Journal of Sports and Exercise Medicine 5",
        "year": 2019,
        "pages": "116",
        "url": "https://doi.org/10.23937/2469-5718/1510116",
    },
    {
        "key": "grieve2013-case-series",
        "authors": "Grieve R, Barnett S, Coghill N, Cramp F",
        "title": "Myofascial trigger point therapy for triceps surae dysfunction: a case series",
        "publisher": "Manual Therapy 18(6)",
        "year": 2013,
        "pages": "519-525",
        "url": "https://researchportal.bath.ac.uk/en/publications/"
        "myofascial-trigger-point-therapy-for-triceps-surae-dysfunction-a-",
    },
    {
        "key": "grieve2013-runners",
        "authors": "Grieve R, Cranston A, Henderson A, John R, Malone G, Mayall C",
        "title": "The immediate effect of triceps surae myofascial trigger point therapy on "
        "restricted active ankle joint dorsiflexion in recreational runners: a crossover "
        "randomised controlled trial",
        "publisher": "Journal of Bodywork and Movement Therapies 17(4)",
        "year": 2013,
        "pages": "453-461",
        "url": "https://doi.org/10.1016/j.jbmt.2013.02.001",
    },
    {
        "key": "wilke2018",
        "authors": "Wilke J, Vogt L, Banzer W",
        "title": "Immediate effects of self-myofascial release on latent trigger point "
        "sensitivity: a randomized, placebo-controlled trial",
        "publisher": "Biology of Sport 35(4)",
        "year": 2018,
        "pages": "349-354",
        "url": "https://pmc.ncbi.nlm.nih.gov/articles/PMC6358529",
    },
    {
        "key": "kent2014",
        "authors": "Kent D",
        "title": "Myofascial Pain from the Gluteus Maximus",
        "publisher": "Massage Today 14(05)",
        "year": 2014,
        "url": "http://www.massagetoday.com/mpacms/mt/article.php?id=14912",
    },
    {
        "key": "namtpt-gluteals",
        "authors": "National Association of Myofascial Trigger Point Therapists",
        "title": "Symptom checker: gluteus minimus (causes and corrective actions for the "
        "gluteals)",
        "publisher": "NAMTPT (undated web page)",
        "year": 2026,
        "pages": "read December 2026",
        "url": "http://check.myofascialtherapy.org/symptomcheck/symptom_leg_minimus.html",
    },
    {
        "key": "nielasher-hamstrings",
        "authors": "Niel Asher Education",
        "title": "Hamstrings: trigger point anatomy",
        "publisher": "Niel Asher Education video blog (undated web page)",
        "year": 2026,
        "pages": "read December 2026",
        "url": "https://nielasher.com/blogs/video-blog/healthy-hammies-trigger-point-therapy",
    },
    {
        "key": "imaios-hamstrings",
        "authors": "IMAIOS",
        "title": "Hamstrings muscles (musculi ischiocrurales)",
        "publisher": "e-Anatomy (undated web page)",
        "year": 2026,
        "pages": "read December 2026",
        "url": "https://www.imaios.com/en/e-anatomy/anatomical-structures/"
        "hamstrings-muscles-1557992092",
    },
    {
        "key": "scott2017",
        "authors": "Scott KM, Fisher LW, Bernstein IH, Bradley MH",
        "title": "The Treatment of Chronic Coccydynia and Postcoccygectomy Pain With Pelvic Floor "
        "Physical Therapy",
        "publisher": "PM&R 9(4)",
        "year": 2017,
        "pages": "367-376",
        "url": "https://pubmed.ncbi.nlm.nih.gov/27565640/",
    },
    {
        "key": "pastore2012",
        "authors": "Pastore EA, Katzman WB",
        "title": "Recognizing Myofascial Pelvic Pain in the Female Patient with Chronic Pelvic "
        "Pain",
        "publisher": "Journal of Obstetric, Gynecologic & Neonatal Nursing 41(5)",
        "year": 2012,
        "pages": "680-691",
        "url": "https://pmc.ncbi.nlm.nih.gov/articles/PMC3492521",
    },
    {
        "key": "irj2022-coccydynia",
        "authors": "Iranian Rehabilitation Journal (authors as listed at the link)",
        "title": "Comparing Primal Reflex Release Technique and Stretching Exercises on Pain and "
        "Function in Coccydynia",
        "publisher": "Iranian Rehabilitation Journal 20(4)",
        "year": 2022,
        "url": "http://irj.uswr.ac.ir/browse.php?a_id=1710&html=1&slc_lang=en",
    },
]

# Regions (slugs of ``articles.demo.REGIONS``) and shapes follow the sources of each muscle's
# facts file. "muscle_shape" and "trigger_points" are on the article diagram's left side (the
# outline of ``articles.demo``); "markers" and "pain_zones" on the right side of the pain
# finder's outline (``painfinder.outline``: 200 by 440 per view, midline x = 100).
MUSCLES: list[dict] = [
    {
        "slug": "tensor-fasciae-latae",
        "name": "Tensor fasciae latae",
        "other_names": "TFL",
        "body_area": "Front and outer side of the hip, below the front of the iliac crest",
        "summary": "A small hip muscle at the front of the pelvis that pulls on the long band down "
        "the outside of the thigh, and sends pain to the hip and outer thigh.",
        "actions": "Helps lift the thigh forwards (hip flexion).\nHelps move the leg out to the "
        "side and turn it inwards.\nTightens the fascia lata and its iliotibial band, which "
        "steadies the pelvis on the thigh bone and the knee when standing.",
        "trigger_point_locations": "In the muscle belly at the front of the hip, just below "
        "and behind the bony point at the front of the pelvis.",
        "aggravating_activities": "Standing up straight after sitting, driving or lying curled "
        "up\nWalking and other hip movements\nLying on the affected side",
        "pain": {"primary": ["side-of-hip", "side-of-thigh"], "spillover": []},
        "muscle_shape": [(62, 204), (70, 206), (66, 240), (58, 236)],
        "trigger_points": [(64, 216)],
        "tags": ["hip-pain"],
        "front_view": True,
        "ql_claw": True,
        "markers": (("front", 138, 226, "front of the hip, below the iliac crest"),),
        "pain_zones": [
            ("primary", "front", [(139, 224), (148, 230), (150, 252), (146, 270), (140, 268),
                                  (137, 246)]),
            ("primary", "front", [(140, 270), (147, 272), (144, 296), (139, 312), (135, 306),
                                  (136, 284)]),
            ("primary", "back", [(140, 222), (147, 224), (150, 244), (148, 262), (141, 258)]),
        ],
    },
    {
        "slug": "adductors",
        "name": "Adductors (longus and brevis)",
        "other_names": "adductor longus, adductor brevis, groin muscles",
        "body_area": "Inner thigh, from the pubic bone to the back of the thigh bone",
        "summary": "The inner-thigh muscles that draw the legs together; their trigger points "
        "send pain into the groin, the inner thigh and the inner knee.",
        "actions": "Draw the thigh in towards the other leg (adduction).\nHelp bend the hip.",
        "trigger_point_locations": "In the upper inner thigh: near the groin (upper points) and "
        "further down the muscle towards the middle of the thigh (lower points).",
        "aggravating_activities": "Kicking\nTurning and twisting on the leg\nRunning\n"
        "Spreading the legs wide (end-range stretch of the inner thigh)",
        "pain": {"primary": ["groin", "front-of-thigh", "knee"], "spillover": []},
        "muscle_shape": [(97, 266), (88, 262), (82, 298), (95, 302)],
        "trigger_points": [(92, 274), (88, 292)],
        "tags": ["hip-pain"],
        "front_view": True,
        "ql_claw": False,
        "markers": (
            ("front", 112, 262, "upper inner thigh, below the groin"),
            ("front", 110, 284, "inner thigh, lower in the muscle"),
        ),
        "pain_zones": [
            ("primary", "front", [(104, 246), (113, 236), (124, 226), (121, 248), (113, 268),
                                  (106, 276), (103, 262)]),
            ("primary", "front", [(104, 280), (112, 278), (112, 300), (106, 312), (103, 300)]),
            ("primary", "front", [(104, 324), (114, 322), (117, 338), (112, 352), (105, 350)]),
            ("spillover", "front", [(105, 356), (112, 356), (110, 392), (106, 392)]),
        ],
    },
    {
        "slug": "vastus-lateralis",
        "name": "Vastus lateralis",
        "other_names": "outer quadriceps",
        "body_area": "Outer side of the thigh, from below the hip to the kneecap",
        "summary": "The largest part of the quadriceps, on the outside of the thigh; its trigger "
        "points hurt along the outer thigh and around the knee.",
        "actions": "Straightens the knee, as the largest of the four parts of the quadriceps.",
        "trigger_point_locations": "In the belly of the muscle along the outer thigh, from "
        "mid-thigh down towards the knee.",
        "aggravating_activities": "Lying on the affected side\nA sudden load on the thigh "
        "while it lengthens, as when braking a step",
        "pain": {"primary": ["side-of-thigh", "knee"], "spillover": []},
        "muscle_shape": [(58, 264), (66, 262), (72, 338), (67, 342)],
        "trigger_points": [(63, 292), (68, 322)],
        "tags": [],
        "front_view": True,
        "ql_claw": False,
        "markers": (
            ("front", 143, 286, "outer thigh, mid-length"),
            ("front", 139, 312, "outer thigh, above the knee"),
        ),
        "pain_zones": [
            ("primary", "front", [(138, 244), (148, 250), (147, 280), (142, 306), (137, 322),
                                  (132, 318), (135, 282)]),
            ("primary", "front", [(126, 326), (137, 328), (140, 342), (135, 356), (126, 352),
                                  (124, 338)]),
            ("spillover", "back", [(110, 326), (134, 326), (137, 338), (110, 338)]),
        ],
    },
    {
        "slug": "soleus",
        "name": "Soleus",
        "other_names": "deep calf muscle, part of the triceps surae",
        "body_area": "Back of the lower leg, under the gastrocnemius",
        "summary": "The broad, flat calf muscle under the gastrocnemius; its trigger points are "
        "known for heel pain, and it is out of the QL Claw's reach.",
        "actions": "Points the foot down (plantar flexion), as a main mover.\nHelps turn the sole "
        "inwards.",
        "trigger_point_locations": "In the calf, under the gastrocnemius, including the upper "
        "part of the muscle.",
        "aggravating_activities": "Running\nWalking uphill\nGoing up and down stairs",
        "pain": {"primary": ["calf"], "spillover": ["sacrum-tailbone"]},
        "muscle_shape": [(74, 380), (94, 380), (92, 418), (78, 418)],
        "trigger_points": [(84, 386)],
        "tags": [],
        "ql_claw": False,
        "markers": (("back", 122, 360, "upper part of the muscle, under the gastrocnemius"),),
        "pain_zones": [
            ("primary", "back", [(112, 392), (126, 392), (130, 412), (128, 430), (112, 430),
                                 (109, 412)]),
            ("spillover", "back", [(114, 352), (132, 352), (133, 378), (115, 378)]),
            ("spillover", "back", [(104, 220), (113, 219), (112, 236), (105, 238)]),
        ],
    },
    {
        "slug": "gastrocnemius",
        "name": "Gastrocnemius",
        "other_names": "calf muscle, part of the triceps surae",
        "body_area": "Back of the lower leg, from just above the knee to the heel",
        "summary": "The two-headed muscle that shapes the calf; its trigger points ache behind "
        "the knee and in the calf, and can cause cramps.",
        "actions": "Points the foot down (plantar flexion).\nHelps bend the knee.",
        "trigger_point_locations": "In the upper calf, in the inner (medial) and outer "
        "(lateral) heads of the muscle.",
        "aggravating_activities": "Climbing\nWalking on a slanted surface",
        "pain": {"primary": ["knee", "calf"], "spillover": []},
        "muscle_shape": [(72, 346), (96, 346), (94, 392), (76, 392)],
        "trigger_points": [(90, 356), (76, 356)],
        "tags": [],
        "ql_claw": False,
        "markers": (
            ("back", 112, 350, "inner head, upper calf"),
            ("back", 132, 352, "outer head, upper calf"),
        ),
        "pain_zones": [
            ("primary", "back", [(108, 324), (134, 324), (137, 340), (108, 342)]),
            ("primary", "back", [(126, 344), (139, 346), (139, 374), (130, 376)]),
        ],
    },
    {
        "slug": "gluteus-maximus",
        "name": "Gluteus maximus",
        "other_names": "largest gluteal muscle",
        "body_area": "The buttock, from the back of the pelvis, sacrum and tailbone to the thigh",
        "summary": "The big buttock muscle you sit on; its trigger points make the sacrum, "
        "tailbone and buttock sore and sitting uncomfortable.",
        "actions": "Extends the thigh at the hip (moves the leg back).\nHelps turn the thigh "
        "outwards.\nWith the back muscles and hamstrings, brings the trunk upright from bending "
        "forwards.",
        "trigger_point_locations": "In the buttock, beside the sacrum and lower down towards "
        "the sitting bone.",
        "aggravating_activities": "Sitting, above all for long in one position\nSitting on a "
        "wallet in a back pocket\nA fall, or catching yourself in one",
        "pain": {"primary": ["sacrum-tailbone", "buttock"], "spillover": []},
        "muscle_shape": [(98, 214), (70, 222), (64, 258), (96, 264)],
        "trigger_points": [(90, 230), (82, 252)],
        "tags": ["low-back-pain", "sitting"],
        "ql_claw": True,
        "markers": (
            ("back", 113, 232, "beside the sacrum"),
            ("back", 121, 254, "low in the buttock, above the sitting bone"),
        ),
        "pain_zones": [
            ("primary", "back", [(102, 218), (112, 220), (116, 238), (110, 250), (102, 252)]),
            ("primary", "back", [(114, 246), (128, 248), (132, 258), (120, 264), (110, 258)]),
            ("spillover", "back", [(118, 222), (130, 224), (132, 240), (120, 240)]),
        ],
    },
    {
        "slug": "hamstrings",
        "name": "Hamstrings",
        "other_names": "biceps femoris, semitendinosus, semimembranosus",
        "body_area": "Back of the thigh, from the sitting bone to below the knee",
        "summary": "The three muscles at the back of the thigh; their trigger points hurt under "
        "the buttock, along the back of the thigh and behind the knee.",
        "actions": "Bend the knee.\nExtend the hip (move the thigh back).\nDuring running, "
        "slow the leg at the end of its forward swing and keep the trunk from folding forwards "
        "at the hip.",
        "trigger_point_locations": "Along the back of the thigh: in the inner hamstrings "
        "(semitendinosus and semimembranosus) and the outer one (biceps femoris).",
        "aggravating_activities": "Sitting for long periods\nRunning",
        "pain": {"primary": ["buttock", "back-of-thigh", "knee"], "spillover": ["calf"]},
        "muscle_shape": [(74, 264), (98, 266), (96, 340), (76, 340)],
        "trigger_points": [(90, 296), (78, 306)],
        "tags": ["sitting"],
        "ql_claw": False,
        "markers": (
            ("back", 112, 292, "inner hamstrings, mid-thigh"),
            ("back", 129, 300, "biceps femoris, outer back of the thigh"),
        ),
        "pain_zones": [
            ("primary", "back", [(106, 256), (128, 256), (131, 268), (106, 272)]),
            ("primary", "back", [(111, 316), (134, 316), (136, 336), (111, 336)]),
            ("spillover", "back", [(104, 274), (117, 274), (115, 314), (104, 314)]),
            ("spillover", "back", [(106, 340), (117, 340), (115, 396), (108, 396)]),
        ],
    },
    {
        "slug": "coccygeus",
        "name": "Coccygeus",
        "other_names": "ischiococcygeus, pelvic floor muscle",
        "body_area": "Inside the pelvis, between the sitting bone's spine and the tailbone",
        "summary": "A small pelvic-floor muscle attached to the tailbone; tension in the pelvic "
        "floor is one cause of tailbone pain, and it is treated from inside, not with a tool.",
        "actions": "Helps close the back part of the pelvic outlet, with levator ani and "
        "piriformis.",
        "trigger_point_locations": "Inside the pelvis, along the muscle between the ischial "
        "spine and the edge of the tailbone; reached only by internal examination.",
        "aggravating_activities": "Sitting for long, above all on hard surfaces\n"
        "Bowel movements\nSexual intercourse",
        "pain": {"primary": ["sacrum-tailbone"], "spillover": []},
        "muscle_shape": [(99, 236), (92, 234), (90, 244), (99, 250)],
        "trigger_points": [(95, 242)],
        "tags": ["sitting"],
        "ql_claw": False,
        "markers": (("back", 105, 244, "inside the pelvis, beside the tailbone"),),
        "pain_zones": [
            ("primary", "back", [(100, 230), (108, 232), (109, 248), (100, 256)]),
        ],
    },
]  # fmt: skip

ARTICLES: list[tuple[str, str]] = [
    ("tensor-fasciae-latae", "Tensor fasciae latae: hip pain from the front of the pelvis"),
    ("adductors", "Adductors: groin and inner-knee pain from the inner thigh"),
    ("vastus-lateralis", "Vastus lateralis: outer thigh and knee pain"),
    ("soleus", "Soleus: the calf muscle behind heel pain"),
    ("gastrocnemius", "Gastrocnemius: calf cramps and pain behind the knee"),
    ("gluteus-maximus", "Gluteus maximus: the sitting muscle behind sacrum and tailbone pain"),
    ("hamstrings", "Hamstrings: pain under the buttock and behind the knee"),
    ("coccygeus", "Coccygeus: tailbone pain from the pelvic floor"),
]
ARTICLE_SUMMARIES: dict[str, str] = {
    "tensor-fasciae-latae": "A small muscle at the front of the hip that tightens the band "
    "down the outer thigh. Where its trigger points hurt, what sets them off, how to release it.",
    "adductors": "Groin pain that spreads down the inner thigh to the knee can come from the "
    "adductor muscles. What they do, what irritates them, and what helps.",
    "vastus-lateralis": "The outer quadriceps can make the side of the thigh and the knee ache. "
    "How its trigger points behave, and why a foam roller beats the QL Claw here.",
    "soleus": "Heel pain that makes every step hurt can start in the deep calf muscle. Where "
    "soleus trigger points send pain, what sets them off, and what helps.",
    "gastrocnemius": "The big calf muscle can ache behind the knee and cause cramps. What it "
    "does, where its trigger points send pain, and how to release them.",
    "gluteus-maximus": "The largest buttock muscle can make the sacrum and tailbone sore and "
    "every chair uncomfortable. Where its trigger points hurt and how to release them.",
    "hamstrings": "The muscles at the back of the thigh can hurt under the buttock and behind "
    "the knee. Where their trigger points send pain, and what helps besides the QL Claw.",
    "coccygeus": "Tailbone pain can come from a small muscle of the pelvic floor. Why it is "
    "treated by a pelvic-health physiotherapist, and why the QL Claw is not the tool.",
}
