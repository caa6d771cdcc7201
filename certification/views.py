from django.http import HttpResponse


def _todo(request, **kwargs):
    return HttpResponse(status=501)


programme_list = stripe_webhook = order = order_return = certificate_pdf = _todo
certificate_credential = programme = checkout = waiver = project = verify = jwks = _todo
