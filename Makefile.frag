# phpize-generated rules do not track headers: rebuild every object when one changes.
LOCALAPI_HEADERS = $(srcdir)/ext/php_localapi.h $(srcdir)/ext/localapi_private.h $(srcdir)/ext/contact.h $(srcdir)/ext/localapi_arginfo.h
$(builddir)/ext/localapi.lo $(builddir)/ext/contact.lo $(builddir)/ext/postdata.lo $(builddir)/ext/db.lo $(builddir)/ext/add_contact.lo $(builddir)/ext/hooks.lo: $(LOCALAPI_HEADERS)
