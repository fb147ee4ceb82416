"""The same methods served as SOAP 1.1, as modern.gov serves them: a POST to
``mgWebService.asmx`` with ``SOAPAction: "http://moderngov.co.uk/namespaces/{Method}"`` and
the parameters as children of the method's element in the body. The answer wraps the same
document as the GET answer in ``{Method}Response/{Method}Result``.

The request body is untrusted XML: it is size-limited and any document type declaration is
refused before parsing, so no entity is ever declared or expanded (and Python's parser never
fetches external ones). Faults are ``soap:Client`` faults with a 400 status: nothing the
client sends makes a 500.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .context import Context
from .methods import METHODS, Method, find
from .params import BadParameter, Params
from .xml import DECLARATION, child

ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/"
SERVICE = "http://moderngov.co.uk/namespaces"
SERVICE_PATH = "mgWebService.asmx"  # the service's address, as modern.gov spells it
MAX_BODY = 64 * 1024  # a request names a method and a few parameters

ET.register_namespace("soap", ENVELOPE)


class Fault(Exception):
    pass


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _call(body: bytes, action: str) -> tuple[Method, Params]:
    if len(body) > MAX_BODY:
        raise Fault("The request is too large.")
    if b"<!DOCTYPE" in body or b"<!ENTITY" in body:
        raise Fault("Document type declarations are not accepted.")
    try:
        envelope = ET.fromstring(body)
    except ET.ParseError:
        raise Fault("The request is not well-formed XML.") from None
    soap_body = envelope.find(f"{{{ENVELOPE}}}Body")
    if envelope.tag != f"{{{ENVELOPE}}}Envelope" or soap_body is None or len(soap_body) == 0:
        raise Fault("The request is not a SOAP 1.1 envelope with a body.")
    request = soap_body[0]
    name = _local(request.tag)
    method = find(name)
    if method is None:
        names = ", ".join(m.name for m in METHODS.values())
        raise Fault(f"No such method. The methods are: {names}.")
    wanted = action.strip().strip('"').rsplit("/", 1)[-1]
    if wanted and wanted.lower() != name.lower():
        raise Fault("The SOAPAction header names another method than the body.")
    return method, Params({_local(p.tag): p.text or "" for p in request})


def envelope(content: ET.Element) -> bytes:
    root = ET.Element(f"{{{ENVELOPE}}}Envelope")
    ET.SubElement(root, f"{{{ENVELOPE}}}Body").append(content)
    ET.indent(root, space="  ")
    return (DECLARATION + ET.tostring(root, encoding="unicode") + "\n").encode("utf-8")


def fault(message: str) -> bytes:
    node = ET.Element(f"{{{ENVELOPE}}}Fault")
    child(node, "faultcode", "soap:Client")
    child(node, "faultstring", message)
    return envelope(node)


def answer(body: bytes, action: str, ctx: Context) -> tuple[bytes, int]:
    """The response envelope and its status."""
    try:
        method, params = _call(body, action)
        try:
            document = method.build(params, ctx)
        except BadParameter as problem:
            raise Fault(str(problem)) from None
    except Fault as problem:
        return fault(str(problem)), 400
    response = ET.Element(f"{{{SERVICE}}}{method.name}Response")
    ET.SubElement(response, f"{{{SERVICE}}}{method.name}Result").append(document)
    return envelope(response), 200
