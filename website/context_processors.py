from council.models import Authority


def authority(request):
    """The authority's name for every page's header."""
    return {"authority": Authority.current()}
