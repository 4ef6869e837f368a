dnl config.m4 for the localapi extension

PHP_ARG_WITH([localapi],
  [for localapi support],
  [AS_HELP_STRING([[--with-localapi[=DIR]]],
    [Include localapi (WHMCS localAPI() over MariaDB Connector/C). DIR is the
     Connector/C prefix when pkg-config cannot find libmariadb])],
  [yes])

PHP_ARG_ENABLE([localapi-dev],
  [whether to build localapi with developer warnings],
  [AS_HELP_STRING([--enable-localapi-dev],
    [Build with -Wall -Wextra -Werror])],
  [no],
  [no])

if test "$PHP_LOCALAPI" != "no"; then
  dnl The PHP releases the suite passes on; ext/localapi_private.h holds the
  dnl same range for builds that skip this script.
  AC_MSG_CHECKING([for a PHP version localapi supports])
  if test -n "$PHP_VERSION_ID"; then
    LOCALAPI_PHP_VERNUM="$PHP_VERSION_ID"
    LOCALAPI_PHP_VERSION="$PHP_VERSION"
  else
    LOCALAPI_PHP_VERNUM=`$PHP_CONFIG --vernum`
    LOCALAPI_PHP_VERSION=`$PHP_CONFIG --version`
  fi
  if test -z "$LOCALAPI_PHP_VERNUM" || test "$LOCALAPI_PHP_VERNUM" -lt 80200 || test "$LOCALAPI_PHP_VERNUM" -ge 80600; then
    AC_MSG_RESULT([no])
    AC_MSG_ERROR([localapi supports PHP 8.2.0 to 8.5.x (the versions it is tested on); this PHP is ${LOCALAPI_PHP_VERSION:-of unknown version}])
  fi
  AC_MSG_RESULT([yes, $LOCALAPI_PHP_VERSION])

  PKG_PROG_PKG_CONFIG
  LOCALAPI_MARIADB_FOUND=no

  if test "$PHP_LOCALAPI" = "yes" && test -n "$PKG_CONFIG"; then
    PKG_CHECK_MODULES([LIBMARIADB], [libmariadb >= 3.1], [
      PHP_EVAL_INCLINE($LIBMARIADB_CFLAGS)
      PHP_EVAL_LIBLINE($LIBMARIADB_LIBS, LOCALAPI_SHARED_LIBADD)
      LOCALAPI_MARIADB_FOUND=yes
    ], [
      AC_MSG_NOTICE([pkg-config found no libmariadb, trying mariadb_config])
    ])
  fi

  if test "$LOCALAPI_MARIADB_FOUND" = "no"; then
    AC_MSG_CHECKING([for mariadb_config])
    if test "$PHP_LOCALAPI" != "yes" && test -x "$PHP_LOCALAPI/bin/mariadb_config"; then
      LOCALAPI_MARIADB_CONFIG="$PHP_LOCALAPI/bin/mariadb_config"
    else
      LOCALAPI_MARIADB_CONFIG=`command -v mariadb_config`
    fi
    if test -z "$LOCALAPI_MARIADB_CONFIG"; then
      AC_MSG_RESULT([not found])
      AC_MSG_ERROR([MariaDB Connector/C not found: install libmariadb-dev])
    fi
    AC_MSG_RESULT([$LOCALAPI_MARIADB_CONFIG])
    PHP_EVAL_INCLINE(`$LOCALAPI_MARIADB_CONFIG --include`)
    PHP_EVAL_LIBLINE(`$LOCALAPI_MARIADB_CONFIG --libs`, LOCALAPI_SHARED_LIBADD)
  fi

  PHP_CHECK_LIBRARY([mariadb], [mariadb_stmt_execute_direct], [], [
    AC_MSG_ERROR([MariaDB Connector/C 3.x is required])
  ], [$LOCALAPI_SHARED_LIBADD])

  dnl Hidden by default, as php-src builds its extensions: the module exports
  dnl get_module (ZEND_GET_MODULE marks it visible) and nothing else.
  LOCALAPI_CFLAGS="-Wall -Wextra -Wno-unused-parameter -std=gnu11 -fvisibility=hidden -DZEND_ENABLE_STATIC_TSRMLS_CACHE=1"
  if test "$PHP_LOCALAPI_DEV" = "yes"; then
    LOCALAPI_CFLAGS="$LOCALAPI_CFLAGS -Werror"
  fi

  PHP_SUBST(LOCALAPI_SHARED_LIBADD)
  PHP_ADD_EXTENSION_DEP(localapi, standard)
  PHP_ADD_EXTENSION_DEP(localapi, hash)
  dnl One folder per layer, each with its header: core/ (the record, no Zend),
  dnl db/ (the database), command/ (what every command runs through),
  dnl commands/ (one file per command and the command table).
  PHP_NEW_EXTENSION(localapi, [ext/localapi.c ext/names.c ext/capsule.c \
    ext/core/contact.c \
    ext/db/db.c ext/db/rows.c ext/db/hosts.c ext/db/whmcs.c ext/db/whmcs_config.c ext/db/client_settings.c \
    ext/command/admin.c ext/command/answer.c ext/command/postdata.c ext/command/retry.c ext/command/outcome.c \
    ext/command/email_claim.c ext/command/activity_log.c ext/command/hooks.c ext/command/command.c ext/command/write.c \
    ext/commands/commands.c ext/commands/add_contact.c ext/commands/get_contacts.c ext/commands/update_contact.c],
    $ext_shared, , $LOCALAPI_CFLAGS)
  PHP_ADD_INCLUDE([$ext_srcdir/ext])
  PHP_ADD_BUILD_DIR([$ext_builddir/ext $ext_builddir/ext/core $ext_builddir/ext/db $ext_builddir/ext/command $ext_builddir/ext/commands])
  PHP_ADD_MAKEFILE_FRAGMENT
fi
