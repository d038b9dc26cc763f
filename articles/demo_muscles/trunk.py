"""Demo muscles of the back, trunk and neck: records, articles and the sources they cite.

The facts come from public sources the team read (papers, anatomy references, professional
pages), listed in ``REFERENCES``; each article's sentences are traced to them in
``demo_content/facts/<slug>.toml``. Web pages without a date carry the year they were read and
say so in ``edition``. Coordinates: "markers" and "pain_zones" are right-side points in
``painfinder.outline`` coordinates (200 x 440 per view, midline x = 100); "muscle_shape" and
"trigger_points" are left-side points on ``articles.demo.BODY_OUTLINE`` for the article diagrams.
"""

UNDATED = "online, undated; read December 2026"

REFERENCES: list[dict] = [
    {
        "key": "fernandez2007",
        "authors": "Fernández-de-las-Peñas C, Ge HY, Arendt-Nielsen L, Cuadrado ML, Pareja JA",
        "title": "Referred pain from trapezius muscle trigger points shares similar "
        "characteristics with chronic tension type headache",
        "publisher": "European Journal of Pain",
        "year": 2007,
        "pages": "11(4):475-482",
        "url": "https://doi.org/10.1016/j.ejpain.2006.07.005",
    },
    {
        "key": "hanten2000",
        "authors": "Hanten WP, Olson SL, Butts NL, Nowicki AL",
        "title": "Effectiveness of a home program of ischemic pressure followed by sustained "
        "stretch for treatment of myofascial trigger points",
        "publisher": "Physical Therapy",
        "year": 2000,
        "pages": "80(10):997-1003",
        "url": "https://doi.org/10.1093/ptj/80.10.997",
    },
    {
        "key": "namtpt-checker",
        "authors": "National Association of Myofascial Trigger Point Therapists",
        "title": "Symptom Checker (muscle pages: trapezius, levator scapulae, paraspinal "
        "muscles, abdominal muscles)",
        "edition": UNDATED,
        "year": 2026,
        "url": "http://check.myofascialtherapy.org/symptomcheck/",
    },
    {
        "key": "medlink-levator",
        "authors": "MedLink Neurology",
        "title": "Myofascial pain patterns of the levator scapulae muscle (figure legend, "
        "after Travell and Simons 1983)",
        "edition": UNDATED,
        "year": 2026,
        "url": "https://www.medlink.com/media/mpssi10",
    },
    {
        "key": "tpr-trapezius",
        "authors": "Trigger Point Relief (practitioner website)",
        "title": "Trapezius: common symptoms, causes and perpetuation of trigger points",
        "edition": UNDATED,
        "year": 2026,
        "url": "https://triggerpointrelief.net/trapezius",
    },
    {
        "key": "tpsh-levator",
        "authors": "Trigger Point Self Help (website)",
        "title": "Levator scapulae trigger point referred pain patterns",
        "edition": UNDATED,
        "year": 2026,
        "url": "https://triggerpointselfhelp.com/levator-scapulae-trigger-point-referred-pain-patterns/",
    },
    {
        "key": "pinnacle-levator",
        "authors": "Pinnacle Hill Chiropractic",
        "title": "Levator scapulae: a pain in the neck",
        "year": 2017,
        "url": "https://www.pinnaclehillchiropractic.com/post/2017/12/19/"
        "levator-scapulae-a-pain-in-the-neck",
    },
    {
        "key": "luc-rhomboid",
        "authors": "Loyola University Chicago Stritch School of Medicine",
        "title": "Master Muscle List: Rhomboid major",
        "edition": UNDATED,
        "year": 2026,
        "url": "https://www.meddean.luc.edu/lumen/meded/grossanatomy/dissector/mml/rhmj.htm",
    },
    {
        "key": "aaofmm-rhomboid",
        "authors": "AAOFMM (website), muscle guide, upper back",
        "title": "Rhomboid major: anatomy and Travell and Simons trigger point pain referral",
        "edition": UNDATED,
        "year": 2026,
        "url": "http://www.aaofmm.com/disorders/disorders_files/musclgd/upback/13854668.html",
    },
    {
        "key": "vilensky2001",
        "authors": "Vilensky JA, Baltes M, Weikel L, Fortin JD, Fourie LJ",
        "title": "Serratus posterior muscles: anatomy, clinical relevance, and function",
        "publisher": "Clinical Anatomy",
        "year": 2001,
        "pages": "14(4):237-241",
        "url": "https://indiana.pure.elsevier.com/en/publications/"
        "serratus-posterior-muscles-anatomy-clinical-relevance-and-functio",
    },
    {
        "key": "kent2009",
        "authors": "Kent D",
        "title": "Back pain caused by rectus abdominis trigger points",
        "publisher": "Massage Today",
        "year": 2009,
        "url": "https://www.massagetoday.com/mpacms/mt/article.php?id=14017",
    },
    {
        "key": "farlex-meddict",
        "authors": "Farlex",
        "title": "The Free Dictionary: dictionary and medical dictionary entries",
        "edition": UNDATED,
        "year": 2026,
        "url": "https://medical-dictionary.thefreedictionary.com/",
    },
    {
        "key": "nat-spi",
        "authors": "Niel Asher Education",
        "title": "Trigger point therapy: serratus posterior inferior",
        "edition": UNDATED,
        "year": 2026,
        "url": "https://www.nielasher.com/blogs/video-blog/tagged/serratus-posterior-inferior",
    },
    {
        "key": "icmt-spi",
        "authors": "Iowa City Massage Therapy",
        "title": "Serratus posterior inferior pain",
        "year": 2015,
        "url": "https://www.iowacitymassagetherapy.com/serratus-posterior-inferior-pain/",
    },
    {
        "key": "monclus2025",
        "authors": "Monclús-Díez G, et al.",
        "title": "Prevalence of myofascial trigger points in patients with radiating and "
        "non-radiating low back pain: a systematic review",
        "publisher": "Biomedicines",
        "year": 2025,
        "pages": "13(6):1453",
        "url": "https://doi.org/10.3390/biomedicines13061453",
    },
    {
        "key": "downstate-back",
        "authors": "SUNY Downstate Medical Center",
        "title": "Human Anatomy Online, Laboratory 1: Muscles of the Back, Step 8: Erector spinae "
        "muscles",
        "edition": UNDATED,
        "year": 2026,
        "url": "https://act.downstate.edu/courseware/haonline/labs/l01/080103.htm",
    },
    {
        "key": "lfb-paraspinals",
        "authors": "Learn and Feel Better (website)",
        "title": "Back muscles: superficial paraspinal muscles; deep paraspinal muscles and back "
        "pain",
        "edition": UNDATED,
        "year": 2026,
        "url": "https://learnandfeelbetter.com/paraspinal-muscles",
    },
    {
        "key": "cornwall2006",
        "authors": "Cornwall J, Harris AJ, Mercer SR",
        "title": "The lumbar multifidus muscle and patterns of pain",
        "publisher": "Manual Therapy",
        "year": 2006,
        "pages": "11(1):40-45",
        "url": "https://doi.org/10.1016/j.math.2005.02.002",
    },
    {
        "key": "bm-multifidus",
        "authors": "Willis K (Blessed Massage)",
        "title": "Trigger point self-care: multifidus",
        "edition": UNDATED,
        "year": 2026,
        "url": "https://www.blessedmassage.com/post/trigger-point-self-care-multifidus",
    },
    {
        "key": "gray1918",
        "authors": "Gray H; Lewis WH (ed.)",
        "title": "Anatomy of the Human Body",
        "edition": "20th ed.",
        "publisher": "Lea & Febiger",
        "year": 1918,
        "url": "https://www.bartleby.com/107/",
    },
    {
        "key": "starlanyl-ball",
        "authors": "Starlanyl D",
        "title": "Fibromyalgia and Myofascial Pain Syndrome self-treatment: tennis ball "
        "pressure (book excerpt)",
        "edition": UNDATED,
        "publisher": "Human Kinetics",
        "year": 2026,
        "url": "https://canada.humankinetics.com/blogs/excerpt/"
        "fibromyalgia-and-myofascial-pain-syndrome-self-treatment-tennis-ball-pressure",
    },
]

MUSCLES: list[dict] = [
    {
        "slug": "trapezius",
        "name": "Trapezius",
        "other_names": "traps, upper trapezius",
        "body_area": "Back of the neck, top of the shoulders and upper back",
        "summary": "The broad, flat muscle that covers the back of the neck and shoulders; its "
        "upper fibres are a classic source of neck pain and tension-type headache.",
        "actions": "Upper fibres tilt the head back and bend it towards the shoulder.\n"
        "Middle fibres draw the shoulder blade towards the spine.\n"
        "Lower fibres help steady the shoulder blade as the arm moves.",
        "trigger_point_locations": "In the upper fibres, which run from the back of the skull "
        "to the outer end of the collarbone, and in the middle fibres, between the shoulder blade "
        "and the upper thoracic spine.",
        "aggravating_activities": "Tensing the shoulders\n"
        "Cradling a phone between ear and shoulder\nTyping at a keyboard set too high\n"
        "Sitting in a chair without armrests, or with armrests too high",
        "pain": {"primary": ["neck", "upper-back"], "spillover": []},
        "muscle_shape": [(98, 40), (92, 56), (62, 72), (72, 80), (86, 100), (98, 150)],
        "trigger_points": [(76, 72), (88, 100)],
        "tags": [],
        "ql_claw": False,
        "figure_reference": "namtpt-checker",
        "markers": (
            ("back", 121, 84, "upper fibres, on top of the shoulder"),
            ("back", 112, 106, "middle fibres, between the shoulder blade and the spine"),
        ),
        "pain_zones": [
            ("primary", "back", [(104, 52), (110, 52), (114, 66), (115, 80), (108, 83),
                                 (104, 70)]),
            ("primary", "back", [(101, 86), (111, 85), (115, 98), (110, 110), (101, 110)]),
            ("spillover", "back", [(113, 16), (119, 24), (119, 36), (113, 36)]),
            ("spillover", "back", [(138, 86), (148, 89), (150, 97), (140, 97)]),
        ],
    },
    {
        "slug": "levator-scapulae",
        "name": "Levator scapulae",
        "other_names": "levator anguli scapulae, the stiff-neck muscle",
        "body_area": "Back and side of the neck, down to the top of the shoulder blade",
        "summary": "A strap of muscle from the upper neck to the shoulder blade; its trigger "
        "points are among the most common causes of a stiff neck that will not turn.",
        "actions": "With the neck held still, lifts the shoulder blade.\n"
        "With the shoulder blade held still, helps turn the neck to the same side.",
        "trigger_point_locations": "At the angle of the neck, and just above the muscle's "
        "attachment at the top inner corner of the shoulder blade.",
        "aggravating_activities": "Holding a phone pinned between ear and shoulder\n"
        "Keeping the shoulders raised, as under stress\n"
        "Long drives with the hands high on the steering wheel",
        "pain": {"primary": ["neck"], "spillover": ["upper-back"]},
        "muscle_shape": [(92, 42), (97, 44), (82, 82), (75, 80)],
        "trigger_points": [(87, 60), (80, 78)],
        "tags": [],
        "ql_claw": False,
        "figure_reference": "medlink-levator",
        "markers": (
            ("back", 111, 74, "at the angle of the neck"),
            ("back", 119, 86, "just above the top inner corner of the shoulder blade"),
        ),
        "pain_zones": [
            ("primary", "back", [(107, 68), (113, 70), (121, 80), (114, 87), (106, 81)]),
            ("spillover", "back", [(116, 92), (122, 92), (125, 126), (119, 129), (115, 110)]),
            ("spillover", "back", [(136, 89), (146, 91), (149, 101), (139, 102)]),
        ],
    },
    {
        "slug": "rhomboids",
        "name": "Rhomboids",
        "other_names": "rhomboid major and rhomboid minor",
        "body_area": "Between the shoulder blades, from the upper thoracic spine to the shoulder "
        "blade",
        "summary": "The flat muscles between the spine and the shoulder blade that pull it back; "
        "their trigger points ache along the inner edge of the shoulder blade.",
        "actions": "Pull the shoulder blade back towards the spine.\n"
        "Turn the shoulder blade back to its resting position after the arm has been raised.",
        "trigger_point_locations": "Along the inner edge of the shoulder blade, between it and "
        "the spine.",
        "aggravating_activities": "Long hours at a computer\nLifting boxes above the head\n"
        "Pull-ups\nWork with the arms raised, such as hanging wallpaper",
        "pain": {"primary": ["upper-back"], "spillover": []},
        "muscle_shape": [(98, 72), (98, 112), (80, 118), (76, 84)],
        "trigger_points": [(86, 92), (84, 108)],
        "tags": [],
        "ql_claw": False,
        "figure_reference": "aaofmm-rhomboid",
        "markers": (
            ("back", 114, 98, "beside the inner edge of the shoulder blade, upper part"),
            ("back", 116, 116, "beside the inner edge of the shoulder blade, lower part"),
        ),
        "pain_zones": [
            ("primary", "back", [(113, 90), (121, 90), (124, 128), (117, 130), (112, 110)]),
        ],
    },
    {
        "slug": "serratus-posterior-inferior",
        "name": "Serratus posterior inferior",
        "other_names": "inferior posterior serratus muscle",
        "body_area": "Where the mid back meets the low back, over the lowest four ribs",
        "summary": "A thin, flat muscle joining the lowest ribs to the spine; its trigger points "
        "give a nagging local ache over the lower ribs that is easy to overlook.",
        "actions": "Draws the lowest ribs backwards and downwards.\n"
        "Its exact job is debated: breathing has been assumed, a role in sensing position has "
        "been proposed.",
        "trigger_point_locations": "In the muscle itself, over the lowest ribs beside the spine; "
        "the ache stays over and around it.",
        "aggravating_activities": "Twisting at the waist while lifting or lowering something "
        "heavy\nReaching overhead or far out to the side\nSleeping on a soft, sagging bed",
        "pain": {"primary": ["mid-back", "low-back"], "spillover": []},
        "muscle_shape": [(98, 150), (98, 176), (70, 168), (66, 152)],
        "trigger_points": [(80, 162)],
        "tags": ["low-back-pain"],
        "ql_claw": False,
        "figure_reference": "icmt-spi",
        "markers": (("back", 124, 172, "over the lowest ribs, beside the spine"),),
        "pain_zones": [
            ("primary", "back", [(108, 160), (132, 155), (141, 170), (135, 190), (110, 194)]),
        ],
    },
    {
        "slug": "iliocostalis",
        "name": "Iliocostalis",
        "other_names": "iliocostalis lumborum and thoracis, erector spinae, paraspinal muscle",
        "body_area": "The outer column of the long back muscles, from the pelvis to the ribs",
        "summary": "The outermost column of the erector spinae; its trigger points are among the "
        "most common in low back pain and send pain to the mid back and the buttock.",
        "actions": "Both sides together straighten the back.\n"
        "One side bends the trunk to that side.\n"
        "Tightens as you bend forward, to control the movement.",
        "trigger_point_locations": "In the lumbar part, just above the pelvis at the outer edge "
        "of the long back muscles, and in the thoracic part over the lower ribs.",
        "aggravating_activities": "Bending forward, as to tie shoes or pick something up\n"
        "Coughing and sneezing",
        "pain": {"primary": ["mid-back", "buttock"], "spillover": ["upper-back"]},
        "muscle_shape": [(84, 90), (90, 90), (90, 200), (80, 202), (76, 150)],
        "trigger_points": [(82, 140), (85, 188)],
        "tags": ["low-back-pain"],
        "ql_claw": True,
        "figure_reference": "namtpt-checker",
        "markers": (
            ("back", 122, 150, "iliocostalis thoracis, over the lower ribs"),
            ("back", 121, 194, "iliocostalis lumborum, just above the pelvis"),
        ),
        "pain_zones": [
            ("primary", "back", [(103, 140), (113, 139), (116, 168), (106, 172)]),
            ("primary", "back", [(114, 228), (128, 225), (132, 243), (118, 250)]),
            ("spillover", "back", [(117, 100), (127, 101), (129, 130), (119, 133)]),
            ("spillover", "front", [(106, 160), (122, 158), (124, 178), (108, 181)]),
        ],
    },
    {
        "slug": "longissimus",
        "name": "Longissimus",
        "other_names": "longissimus thoracis, longissimus dorsi, erector spinae, paraspinal "
        "muscle",
        "body_area": "The middle column of the long back muscles, beside the spine",
        "summary": "The middle and largest column of the erector spinae; trigger points low in "
        "its thoracic part send pain down to the sacroiliac region and the buttock.",
        "actions": "Both sides together straighten the back.\n"
        "One side bends the trunk to that side.\n"
        "Tightens as you bend forward, to control the movement.",
        "trigger_point_locations": "Beside the spine in the lower thoracic part, near the bottom "
        "of the ribcage.",
        "aggravating_activities": "Bending forward, as to tie shoes or pick something up\n"
        "Coughing and sneezing",
        "pain": {"primary": ["sacrum-tailbone", "buttock"], "spillover": []},
        "muscle_shape": [(91, 70), (96, 70), (96, 200), (88, 200)],
        "trigger_points": [(93, 164)],
        "tags": ["low-back-pain"],
        "ql_claw": True,
        "figure_reference": "namtpt-checker",
        "markers": (("back", 111, 176, "beside the spine, at the bottom of the ribcage"),),
        "pain_zones": [
            ("primary", "back", [(103, 218), (116, 215), (121, 236), (107, 243)]),
        ],
    },
    {
        "slug": "multifidus",
        "name": "Multifidus",
        "other_names": "multifidi, deep paraspinal muscle, transversospinalis",
        "body_area": "Deep in the groove beside the spine, from the sacrum to the neck",
        "summary": "Short, deep muscles packed beside the spine; their trigger points hurt right "
        "next to the spine and can send pain into the thigh.",
        "actions": "Turns the spine.\nHelps bend it to the side and extend it.",
        "trigger_point_locations": "Deep beside the spine, close to the spinous processes, at "
        "any level; in the low back they send pain a few segments lower.",
        "aggravating_activities": "Sitting still for a long time in a chair without low back "
        "support\nHolding a forward bend for a long time",
        "pain": {"primary": ["low-back"], "spillover": ["back-of-thigh", "front-of-thigh"]},
        "muscle_shape": [(95, 160), (99, 160), (99, 212), (93, 212)],
        "trigger_points": [(97, 190)],
        "tags": ["low-back-pain"],
        "ql_claw": True,
        "figure_reference": "cornwall2006",
        "markers": (("back", 104, 198, "deep beside the spine in the low back"),),
        "pain_zones": [
            ("primary", "back", [(100, 196), (108, 196), (109, 216), (100, 219)]),
            ("spillover", "back", [(108, 268), (126, 266), (128, 300), (110, 303)]),
            ("spillover", "front", [(110, 262), (126, 252), (128, 290), (110, 293)]),
        ],
    },
]  # fmt: skip

ARTICLES: list[tuple[str, str]] = [
    ("trapezius", "Trapezius: the shoulder muscle behind neck pain and headaches"),
    ("levator-scapulae", "Levator scapulae: the muscle behind a stiff neck"),
    ("rhomboids", "Rhomboids: the ache between the shoulder blades"),
    (
        "serratus-posterior-inferior",
        "Serratus posterior inferior: a nagging ache over the lowest ribs",
    ),
    ("iliocostalis", "Iliocostalis: the back muscle that sends pain to the buttock"),
    ("longissimus", "Longissimus: pain at the sacrum that starts higher up the back"),
    ("multifidus", "Multifidus: deep pain right beside the spine"),
]

ARTICLE_SUMMARIES: dict[str, str] = {
    "trapezius": "Why the top of the shoulder can send pain up the neck to the temple, what "
    "overloads the trapezius, and how to release it with your hands or a ball against a wall.",
    "levator-scapulae": "Woke up unable to turn your head? How the levator scapulae sends pain "
    "to the angle of the neck and the shoulder blade, and how to ease it without a tool.",
    "rhomboids": "An ache along the inner edge of the shoulder blade, often from hours at a desk. "
    "What the rhomboids do, what overloads them, and how to release them with a ball.",
    "serratus-posterior-inferior": "A thin muscle over the lowest ribs can keep an ache going "
    "where the mid back meets the low back. What it is, what strains it, how to ease it.",
    "iliocostalis": "One of the commonest trigger-point muscles in low back pain: where the "
    "iliocostalis sends its pain, what loads it, and how the QL Claw and a ball reach it.",
    "longissimus": "The largest of the long back muscles can send pain from the bottom of the "
    "ribcage down to the sacroiliac region and buttock. How to find and release it.",
    "multifidus": "Pain right next to the spine is not always the spine itself. How the deep "
    "multifidus hurts, why its pain can reach the thigh, and how to press on it.",
}
