from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from library import oai


@csrf_exempt  # harvesters POST without a session; nothing here writes
@require_http_methods(["GET", "POST"])
def endpoint(request: HttpRequest) -> HttpResponse:
    """The OAI-PMH 2.0 endpoint: protocol errors are an <error> in a 200 response, as specified."""
    arguments = request.POST if request.method == "POST" else request.GET
    return HttpResponse(
        oai.respond(arguments=dict(arguments.lists())), content_type="text/xml; charset=utf-8"
    )
