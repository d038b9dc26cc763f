"""Staff views of the support queue: list with filters and metrics, request page, canned replies.

Access is checked per URL by ``SupportDashboardConfig.permissions_map`` (Oscar's dashboard
decorator), so the views themselves hold no permission logic.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.views import generic
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from shop.guarantee.selectors import claims_for_orders

from .. import selectors, services
from ..links import private_link_path
from ..models import CannedReply, SupportAttachment, SupportRequest
from ..views import attachment_response
from . import forms

Order = get_model("order", "Order")

PAGE_SIZE = 25


class RequestListView(generic.TemplateView):
    template_name = "oscar/dashboard/support/request_list.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        agents = list(selectors.support_agents())
        form = forms.QueueFilterForm(self.request.GET or None, agents=agents)
        filters = selectors.QueueFilters()
        if form.is_bound and form.is_valid():
            data = form.cleaned_data
            filters = selectors.QueueFilters(
                status=data["status"],
                topic=data["topic"],
                assignee=data["assignee"],
                older_than=data["older_than"],
                breached=data["breached"],
                query=data["q"],
            )
        page = Paginator(
            selectors.queue(filters=filters, user=self.request.user), PAGE_SIZE
        ).get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            form=form,
            page_obj=page,
            support_requests=page.object_list,
            counts=selectors.status_counts(),
            status_choices=SupportRequest.Status.choices,
            metrics=selectors.first_response_metrics(),
            filter_query=query.urlencode(),
        )
        return context


def _staff_request(reference: str) -> SupportRequest:
    support_request = selectors.request_for_staff(reference)
    if support_request is None:
        raise Http404("No such support request")
    return support_request


def _detail_context(request: HttpRequest, support_request: SupportRequest, **bound) -> dict:
    agents = list(selectors.support_agents())
    canned = list(CannedReply.objects.all())
    reply_initial = {}
    chosen = request.GET.get("canned", "")
    if chosen.isdigit():
        reply_initial["body"] = next((c.body for c in canned if c.pk == int(chosen)), "")
    thread = selectors.staff_thread(support_request)
    for message in thread:
        for attachment in message.attachments.all():
            attachment.download_url = reverse(
                "support_dashboard:request-attachment",
                kwargs={"reference": support_request.reference, "pk": attachment.pk},
            )
    customer_orders = selectors.proven_customer_orders(support_request)
    return {
        "support_request": support_request,
        "thread": thread,
        "canned_replies": canned,
        "customer_orders": customer_orders,
        "customer_claims": claims_for_orders(customer_orders),
        "other_requests": selectors.other_requests_of_sender(support_request),
        "private_link": private_link_path(support_request),
        "breaching": support_request.is_breaching(),
        "reply_form": bound.get("reply_form") or forms.StaffReplyForm(initial=reply_initial),
        "note_form": bound.get("note_form") or forms.InternalNoteForm(),
        "assign_form": bound.get("assign_form")
        or forms.AssignForm(
            agents=agents, initial={"assignee": str(support_request.assignee_id or "")}
        ),
        "status_form": bound.get("status_form")
        or forms.StatusForm(initial={"status": support_request.status}),
        "revoke_form": forms.RevokeLinkForm(),
    }


class RequestDetailView(generic.View):
    def get(self, request: HttpRequest, reference: str) -> HttpResponse:
        support_request = _staff_request(reference)
        return render(
            request,
            "oscar/dashboard/support/request_detail.html",
            _detail_context(request, support_request),
        )


@require_POST
def request_action(request: HttpRequest, reference: str) -> HttpResponse:
    """One endpoint for the request page's forms, told apart by the ``action`` field."""
    support_request = _staff_request(reference)
    action = request.POST.get("action", "")
    bound: dict = {}
    if action == "reply":
        form = bound["reply_form"] = forms.StaffReplyForm(request.POST)
        if form.is_valid():
            services.reply_as_staff(
                support_request=support_request, by=request.user, body=form.cleaned_data["body"]
            )
            messages.success(request, "Reply sent; the request now waits on the customer.")
    elif action == "note":
        form = bound["note_form"] = forms.InternalNoteForm(request.POST)
        if form.is_valid():
            services.add_internal_note(
                support_request=support_request, by=request.user, body=form.cleaned_data["body"]
            )
            messages.success(request, "Internal note added.")
    elif action in ("assign", "assign_me"):
        if action == "assign_me":
            form = forms.AssignForm({"assignee": str(request.user.pk)}, agents=[request.user])
        else:
            form = bound["assign_form"] = forms.AssignForm(
                request.POST, agents=selectors.support_agents()
            )
        if form.is_valid():
            services.assign(support_request=support_request, assignee=form.cleaned_data["assignee"])
            messages.success(request, "Assignment saved.")
    elif action == "status":
        form = bound["status_form"] = forms.StatusForm(request.POST)
        if form.is_valid():
            services.change_status(
                support_request=support_request, status=form.cleaned_data["status"]
            )
            messages.success(request, f"Status set to {support_request.get_status_display()}.")
    elif action == "revoke":
        form = forms.RevokeLinkForm(request.POST)
        if form.is_valid():
            services.revoke_private_link(
                support_request=support_request,
                send_new_link=form.cleaned_data["send_new_link"],
            )
            messages.success(request, "Earlier private links no longer work.")
    else:
        return HttpResponse("Unknown action.", status=400, content_type="text/plain")
    if form.is_valid():
        return redirect("support_dashboard:request-detail", reference=reference)
    messages.error(request, "Please correct the form below.")
    return render(
        request,
        "oscar/dashboard/support/request_detail.html",
        _detail_context(request, support_request, **bound),
        status=400,
    )


def request_attachment(request: HttpRequest, reference: str, pk: int) -> HttpResponse:
    support_request = _staff_request(reference)
    attachment = SupportAttachment.objects.filter(pk=pk, message__request=support_request).first()
    if attachment is None:
        raise Http404("No such file")
    return attachment_response(attachment)


class CannedReplyListView(generic.ListView):
    model = CannedReply
    template_name = "oscar/dashboard/support/canned_reply_list.html"
    context_object_name = "canned_replies"


class CannedReplyFormMixin:
    model = CannedReply
    form_class = forms.CannedReplyForm
    template_name = "oscar/dashboard/support/canned_reply_form.html"
    success_url = reverse_lazy("support_dashboard:canned-reply-list")


class CannedReplyCreateView(CannedReplyFormMixin, generic.CreateView):
    pass


class CannedReplyUpdateView(CannedReplyFormMixin, generic.UpdateView):
    pass


class CannedReplyDeleteView(generic.DeleteView):
    model = CannedReply
    template_name = "oscar/dashboard/support/canned_reply_delete.html"
    success_url = reverse_lazy("support_dashboard:canned-reply-list")
