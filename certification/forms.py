from django import forms
from django.utils.translation import gettext_lazy as _


class VoucherForm(forms.Form):
    """The voucher field of the checkout page, sent by GET so the page re-prices."""

    voucher = forms.CharField(
        label=_("Voucher code"),
        required=False,
        max_length=32,
        help_text=_("If a sponsor or the fee waiver team gave you a code, enter it here."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["voucher"].widget.attrs.update(autocomplete="off", spellcheck="false")


class FeeWaiverForm(forms.Form):
    statement = forms.CharField(
        label=_("Why do you ask for a fee waiver?"),
        min_length=20,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "A few sentences are enough: your situation and what the certificate would let you "
            "do. 20 to 2,000 characters. Only the staff who decide will read it."
        ),
    )


class ProjectForm(forms.Form):
    url = forms.URLField(
        label=_("Link to your project"),
        max_length=500,
        assume_scheme="https",
        help_text=_("A public address, for example a repository or a shared document."),
    )
    summary = forms.CharField(
        label=_("Summary"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What you built, how, and what you learned. Up to 3,000 characters."),
    )
