"""The service's WSDL 1.1 description (``mgWebService.asmx?WSDL``), so that SOAP toolkits
load the service as they load modern.gov's.

Generated from ``methods.METHODS``, the registry the dispatcher serves, so it names exactly
the methods served. Each operation is document/literal SOAP 1.1 with the action
``http://moderngov.co.uk/namespaces/{Method}`` (``soap.SERVICE``); its request element holds
the method's parameters as optional strings (the service parses them itself), and its
``{Method}Result`` holds the same bare document as the GET answer, declared as any content.
The address is ``settings.MOOT_SITE_URL`` with the service's path. Nothing from the record
goes into it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from django.conf import settings
from django.urls import reverse

from .methods import METHODS
from .soap import SERVICE, SERVICE_PATH
from .xml import DECLARATION

WSDL = "http://schemas.xmlsoap.org/wsdl/"
SOAP_BINDING = "http://schemas.xmlsoap.org/wsdl/soap/"
XSD = "http://www.w3.org/2001/XMLSchema"
TNS = SERVICE  # the namespace of the SOAP answers' elements (``soap.answer``)
HTTP = "http://schemas.xmlsoap.org/soap/http"

# Not "soap": that prefix is registered for the envelope (``soap``), and registration is global.
# "tns" is used only in attribute values, which the serialiser does not scan for prefixes: it
# is declared by hand on the root.
for prefix, uri in [("wsdl", WSDL), ("wsoap", SOAP_BINDING), ("s", XSD)]:
    ET.register_namespace(prefix, uri)


def _w(parent: ET.Element, tag: str, **attrs: str) -> ET.Element:
    return ET.SubElement(parent, f"{{{WSDL}}}{tag}", attrs)


def _s(parent: ET.Element, tag: str, **attrs: str) -> ET.Element:
    return ET.SubElement(parent, f"{{{XSD}}}{tag}", attrs)


def _soap(parent: ET.Element, tag: str, **attrs: str) -> ET.Element:
    return ET.SubElement(parent, f"{{{SOAP_BINDING}}}{tag}", attrs)


def _types(definitions: ET.Element) -> None:
    schema = _s(
        _w(definitions, "types"), "schema", elementFormDefault="qualified", targetNamespace=TNS
    )
    for method in METHODS.values():
        request = _s(_s(_s(schema, "element", name=method.name), "complexType"), "sequence")
        for param in method.params:
            _s(request, "element", minOccurs="0", maxOccurs="1", name=param, type="s:string")
        response = _s(
            _s(_s(schema, "element", name=f"{method.name}Response"), "complexType"), "sequence"
        )
        result = _s(
            _s(response, "element", minOccurs="0", maxOccurs="1", name=f"{method.name}Result"),
            "complexType",
            mixed="true",
        )
        _s(
            _s(result, "sequence"),
            "any",
            minOccurs="0",
            maxOccurs="unbounded",
            processContents="lax",
        )


def address() -> str:
    """The service's address on the site, spelt as modern.gov spells it (the route matches
    any case, and reversing it gives the lower-case spelling)."""
    path = reverse("moderngov:index").rstrip("/")
    return settings.MOOT_SITE_URL.rstrip("/") + path[: -len(SERVICE_PATH)] + SERVICE_PATH


def document() -> bytes:
    definitions = ET.Element(f"{{{WSDL}}}definitions", {"targetNamespace": TNS, "xmlns:tns": TNS})
    _types(definitions)
    for method in METHODS.values():
        for suffix, element in [("SoapIn", method.name), ("SoapOut", f"{method.name}Response")]:
            message = _w(definitions, "message", name=f"{method.name}{suffix}")
            _w(message, "part", name="parameters", element=f"tns:{element}")
    port_type = _w(definitions, "portType", name="mgWebServiceSoap")
    for method in METHODS.values():
        operation = _w(port_type, "operation", name=method.name)
        _w(operation, "input", message=f"tns:{method.name}SoapIn")
        _w(operation, "output", message=f"tns:{method.name}SoapOut")
    binding = _w(definitions, "binding", name="mgWebServiceSoap", type="tns:mgWebServiceSoap")
    _soap(binding, "binding", transport=HTTP)
    for method in METHODS.values():
        operation = _w(binding, "operation", name=method.name)
        _soap(operation, "operation", soapAction=f"{SERVICE}/{method.name}", style="document")
        for direction in ("input", "output"):
            _soap(_w(operation, direction), "body", use="literal")
    port = _w(
        _w(definitions, "service", name="mgWebService"),
        "port",
        name="mgWebServiceSoap",
        binding="tns:mgWebServiceSoap",
    )
    _soap(port, "address", location=address())
    ET.indent(definitions, space="  ")
    return (DECLARATION + ET.tostring(definitions, encoding="unicode") + "\n").encode("utf-8")
