# phpize-generated rules do not track headers: rebuild every object when one changes.
LOCALAPI_HEADERS = $(srcdir)/ext/php_localapi.h $(srcdir)/ext/localapi_private.h $(srcdir)/ext/localapi_arginfo.h \
	$(srcdir)/ext/core/contact.h $(srcdir)/ext/core/clock.h $(srcdir)/ext/core/client_format.h \
	$(srcdir)/ext/core/client_tables.h $(srcdir)/ext/price.h $(srcdir)/ext/price_arginfo.h $(srcdir)/ext/db/db.h $(srcdir)/ext/db/db_link.h \
	$(srcdir)/ext/command/command.h $(srcdir)/ext/commands/commands.h
$(shared_objects_localapi): $(LOCALAPI_HEADERS)

# The country and state tables, generated in the build tree from the TSV files
# (scripts/client-tables.sh: sh, sort and awk, no php-cli), again whenever one
# of them or the generator changes; git-ignored.
LOCALAPI_TABLES_DEPS = $(srcdir)/scripts/client-tables.sh $(srcdir)/data/whmcs-countries.tsv $(srcdir)/data/whmcs-us-ca-states.tsv
ext/core/client_tables.c: $(LOCALAPI_TABLES_DEPS)
	@mkdir -p ext/core
	$(SHELL) $(srcdir)/scripts/client-tables.sh $(srcdir)/data/whmcs-countries.tsv $(srcdir)/data/whmcs-us-ca-states.tsv >$@.tmp
	mv $@.tmp $@

# `make test` points extension_dir at modules/. The tests inspect the database
# through mysqli (fixtures only; the extension never uses it) and the race test
# uses posix, so load those from PHP's own extension directory; where they are
# missing, the tests that need them skip.
LOCALAPI_TEST_EXTENSIONS = mysqlnd mysqli posix
PHP_TEST_SHARED_EXTENSIONS = -d extension=localapi.so $(foreach ext,$(LOCALAPI_TEST_EXTENSIONS),$(if $(wildcard $(EXTENSION_DIR)/$(ext).so),-d extension=$(EXTENSION_DIR)/$(ext).so))
