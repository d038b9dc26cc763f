"""Staff views of the guarantee claims: the queue, a claim's page, and its actions.

Access is checked per URL by ``GuaranteeDashboardConfig.permissions_map``; the business rules
live in ``shop.guarantee.services``, whose ``ClaimStateError`` becomes a message here.
"""

import mimetypes

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views import generic
from django.views.decorators.http import require_POST

from .. import selectors, services
from ..exceptions import ClaimStateError
from ..forms import NoteForm, QueueFilterForm, RejectForm, TermsForm
from ..models import GuaranteeClaim, GuaranteeTerms

PAGE_SIZE = 25
PHOTO_TYPES = {"image/jpeg", "image/png", "image/webp"}


class ClaimListView(generic.TemplateView):
    template_name = "oscar/dashboard/guarantee/claim_list.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        form = QueueFilterForm(self.request.GET or None)
        status, older_than = "", None
        if form.is_bound and form.is_valid():
            status, older_than = form.cleaned_data["status"], form.cleaned_data["older_than"]
        page = Paginator(
            selectors.claim_queue(status=status, older_than_days=older_than), PAGE_SIZE
        ).get_page(self.request.GET.get("page"))
        context.update(form=form, page_obj=page, claims=page.object_list)
        return context


def _claim(reference: str) -> GuaranteeClaim:
    claim = selectors.staff_claim(reference=reference)
    if claim is None:
        raise Http404("No such claim")
    return claim


def claim_detail(request: HttpRequest, reference: str, **forms) -> HttpResponse:
    claim = _claim(reference)
    return render(
        request,
        "oscar/dashboard/guarantee/claim_detail.html",
        {
            "claim": claim,
            "order": claim.order,
            "window": selectors.guarantee_window(order=claim.order),
            "history": selectors.customer_history(claim=claim),
            "reject_form": forms.get("reject_form") or RejectForm(),
            "note_form": forms.get("note_form") or NoteForm(),
        },
        status=400 if forms else 200,
    )


@require_POST
def claim_action(request: HttpRequest, reference: str) -> HttpResponse:
    claim = _claim(reference)
    action = request.POST.get("action", "")
    try:
        if action in ("approve", "approve_no_return"):
            services.approve_claim(
                claim=claim, by=request.user, no_return=action == "approve_no_return"
            )
            messages.success(request, f"Claim {claim.reference} approved.")
        elif action == "receive":
            services.mark_return_received(claim=claim, by=request.user)
            messages.success(request, "Return received; the refund has started.")
        elif action == "retry_refund":
            services.retry_refund(claim=claim, by=request.user)
            messages.success(request, "Refund retried.")
        elif action == "reject":
            form = RejectForm(request.POST)
            if not form.is_valid():
                return claim_detail(request, reference, reject_form=form)
            services.reject_claim(claim=claim, by=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, f"Claim {claim.reference} rejected.")
        elif action == "note":
            form = NoteForm(request.POST)
            if not form.is_valid():
                return claim_detail(request, reference, note_form=form)
            services.add_internal_note(
                claim=claim, by=request.user, message=form.cleaned_data["message"]
            )
            messages.success(request, "Note added.")
        else:
            messages.error(request, "Unknown action.")
    except ClaimStateError as error:
        messages.error(request, str(error))
    response = redirect("guarantee_dashboard:claim-detail", reference=claim.reference)
    response.status_code = 303
    return response


def claim_photo(request: HttpRequest, reference: str, pk: int) -> FileResponse:
    photo = _claim(reference).photos.filter(pk=pk).first()
    if photo is None:
        raise Http404("No such photo")
    content_type = mimetypes.guess_type(photo.image.name)[0]
    if content_type in PHOTO_TYPES:
        response = FileResponse(photo.image.open("rb"), content_type=content_type)
    else:
        # Photos stored before their names followed their real format may be called anything
        # ("claw.html"): such a file is downloaded, never opened as a page.
        response = FileResponse(
            photo.image.open("rb"), as_attachment=True, content_type="application/octet-stream"
        )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def terms_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "oscar/dashboard/guarantee/terms_list.html",
        {"versions": GuaranteeTerms.objects.all()},
    )


def terms_create(request: HttpRequest) -> HttpResponse:
    """A new version, prefilled from the current one."""
    current = GuaranteeTerms.objects.filter(is_current=True).first()
    if request.method == "POST":
        form = TermsForm(request.POST)
        if form.is_valid():
            fields = {name: form.cleaned_data[name] for name in TermsForm.Meta.fields}
            terms = services.create_terms_version(
                fields=fields, publish=form.cleaned_data["publish"]
            )
            messages.success(request, f"Terms version {terms.version} saved.")
            response = redirect("guarantee_dashboard:terms-list")
            response.status_code = 303
            return response
        status = 400
    else:
        form = TermsForm(instance=current)
        status = 200
    return render(
        request, "oscar/dashboard/guarantee/terms_form.html", {"form": form}, status=status
    )


@require_POST
def terms_publish(request: HttpRequest, pk: int) -> HttpResponse:
    terms = GuaranteeTerms.objects.filter(pk=pk).first()
    if terms is None:
        raise Http404("No such terms version")
    services.make_terms_current(terms=terms)
    messages.success(request, f"Terms version {terms.version} is now in force.")
    response = redirect("guarantee_dashboard:terms-list")
    response.status_code = 303
    return response
