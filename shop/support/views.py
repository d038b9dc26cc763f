"""Customer pages: the contact form, the conversation (private link or account) and downloads.

Refusals by the spam defences answer 400/429 with the form and a polite message; invalid forms
answer 400 with their errors. Nothing about a request is shown without its private link, its
owner's session, or (in the dashboard) a support permission: anything else is a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from oscar.core.loading import get_model

from shop.guarantee.access import can_see_order

from . import selectors, services, spam
from .forms import ContactForm, ReplyForm
from .links import request_for_token
from .models import SupportAttachment, SupportRequest

Order = get_model("order", "Order")

SENT_SESSION_KEY = "support_sent_reference"


def _stamp(request: HttpRequest) -> str:
    return spam.stamp_to_show_again(request.POST.get("started", ""))


def _check_spam(request: HttpRequest, *, group: str) -> None:
    spam.check_ip_rate(request, group=group)
    spam.check_honeypot(request.POST.get("website", ""))
    spam.check_fill_time(request.POST.get("started", ""))


def proven_order(request: HttpRequest, *, number: str, key: str) -> Order | None:
    """The order with this number if this visitor proved access to it, else None.

    The guarantee's access rules apply: its signed-in owner, the guest session that placed or
    looked it up, or the key of its private link. A matching email is no proof.
    """
    number = number.strip().lstrip("#")
    if not number or len(number) > 32:
        return None
    order = Order.objects.filter(number=number).first()
    if order is None or not can_see_order(request, order, key=key):
        return None
    return order


def _customer_orders(request: HttpRequest, *, linked: Order | None) -> list:
    if not request.user.is_authenticated:
        return []
    orders = list(Order.objects.filter(user=request.user).order_by("-date_placed")[:20])
    if linked is not None and linked not in orders:
        orders.insert(0, linked)  # a guest order of theirs, opened through its private link
    return orders


@never_cache
@require_http_methods(["GET", "POST"])
def contact(request: HttpRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else request.GET
    number = data.get("order_number", data.get("order", ""))
    key = data.get("order_key", data.get("key", ""))
    linked = proven_order(request, number=str(number), key=str(key)) if number else None
    orders = _customer_orders(request, linked=linked)
    account_email = request.user.email if request.user.is_authenticated else ""
    if request.method == "GET":
        initial = {"order_number": linked.number if linked else "", "order_key": key}
        if request.user.is_authenticated:
            initial["name"] = request.user.get_full_name()
        form = ContactForm(initial=initial, orders=orders, account_email=account_email)
        return render(
            request, "support/contact.html", {"form": form, "started": spam.new_form_stamp()}
        )

    form = ContactForm(request.POST, request.FILES, orders=orders, account_email=account_email)
    refusal, status = None, 400
    try:
        _check_spam(request, group="support-contact")
        if form.is_valid():
            spam.check_email_rate(
                request, group="support-contact", email=form.cleaned_data["email"]
            )
            support_request = services.open_support_request(
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                topic=form.cleaned_data["topic"],
                message=form.cleaned_data["message"],
                order_number=form.cleaned_data["order_number"] or "",
                proven_order=linked,
                user=request.user,
                attachments=form.cleaned_data["attachments"],
            )
            request.session[SENT_SESSION_KEY] = support_request.reference
            return redirect("support:sent")
    except spam.Refused as error:
        refusal, status = error.message, error.status
    return render(
        request,
        "support/contact.html",
        {"form": form, "refusal": refusal, "started": _stamp(request)},
        status=status,
    )


@never_cache
def sent(request: HttpRequest) -> HttpResponse:
    reference = request.session.get(SENT_SESSION_KEY)
    if not reference:
        return redirect("support:contact")
    return render(request, "support/sent.html", {"reference": reference})


def _attachment_urls(thread, url_for) -> None:
    for message in thread:
        for attachment in message.attachments.all():
            attachment.download_url = url_for(attachment)


def _conversation(
    request: HttpRequest, support_request: SupportRequest, *, url_for, reply_url: str
) -> HttpResponse:
    """The conversation page and its reply form, shared by the private link and the account."""
    form, refusal, status = ReplyForm(), None, 200
    if request.method == "POST":
        form = ReplyForm(request.POST, request.FILES)
        status = 400
        try:
            _check_spam(request, group="support-reply")
            if form.is_valid():
                services.add_customer_reply(
                    support_request=support_request,
                    body=form.cleaned_data["message"],
                    attachments=form.cleaned_data["attachments"],
                )
                messages.success(request, "Thank you, your reply is with our team.")
                return redirect(reply_url)
        except spam.Refused as error:
            refusal, status = error.message, error.status
        except services.RequestClosed as error:
            refusal, status = str(error), 409
    thread = selectors.customer_thread(support_request)
    _attachment_urls(thread, url_for)
    return render(
        request,
        "support/conversation.html",
        {
            "support_request": support_request,
            "thread": thread,
            "form": form,
            "refusal": refusal,
            "started": _stamp(request) if request.method == "POST" else spam.new_form_stamp(),
            "reply_url": reply_url,
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def conversation(request: HttpRequest, token: str) -> HttpResponse:
    support_request = request_for_token(token)
    if support_request is None:
        raise Http404("No such conversation")
    return _conversation(
        request,
        support_request,
        url_for=lambda attachment: reverse(
            "support:conversation-attachment", kwargs={"token": token, "pk": attachment.pk}
        ),
        reply_url=reverse("support:conversation", kwargs={"token": token}),
    )


def _owned_request(request: HttpRequest, reference: str) -> SupportRequest:
    return get_object_or_404(SupportRequest, reference=reference, user=request.user)


@never_cache
@login_required
def my_requests(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "support/my_requests.html",
        {
            "support_requests": selectors.requests_of_customer(request.user),
            "page_title": "My support requests",
            "active_tab": "support",
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def my_request(request: HttpRequest, reference: str) -> HttpResponse:
    support_request = _owned_request(request, reference)
    return _conversation(
        request,
        support_request,
        url_for=lambda attachment: reverse(
            "support:my-request-attachment",
            kwargs={"reference": reference, "pk": attachment.pk},
        ),
        reply_url=reverse("support:my-request", kwargs={"reference": reference}),
    )


def attachment_response(attachment: SupportAttachment) -> FileResponse:
    """Send a private file as a download that no cache keeps and no browser sniffs."""
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as error:
        raise Http404("This file is no longer available") from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@never_cache
def conversation_attachment(request: HttpRequest, token: str, pk: int) -> FileResponse:
    support_request = request_for_token(token)
    attachment = support_request and selectors.customer_attachment(support_request, pk)
    if not attachment:
        raise Http404("No such file")
    return attachment_response(attachment)


@never_cache
@login_required
def my_request_attachment(request: HttpRequest, reference: str, pk: int) -> FileResponse:
    attachment = selectors.customer_attachment(_owned_request(request, reference), pk)
    if attachment is None:
        raise Http404("No such file")
    return attachment_response(attachment)
