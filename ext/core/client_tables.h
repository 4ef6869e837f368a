/*
 * The rows of data/whmcs-countries.tsv and data/whmcs-us-ca-states.tsv as C
 * tables. Their definitions, ext/core/client_tables.c, are generated in the
 * build tree by scripts/client-tables.sh (never hand-typed); both tables are
 * sorted by their keys in byte order for binary search.
 */
#ifndef LOCALAPI_CLIENT_TABLES_H
#define LOCALAPI_CLIENT_TABLES_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	char code[3];            /* two upper-case letters, NUL */
	bool cc_empty;           /* the calling code is the PHP string '' (CW) */
	bool in_7x;              /* in WHMCS 7.x's list too; 8.x has every row */
	int cc;                  /* the calling code when !cc_empty */
	const char *name;        /* raw, as WHMCS answers it */
} la_country_row;

typedef struct {
	char country[3];         /* US or CA */
	char code[3];
	const char *name;        /* lower-case */
} la_state_row;

/* Sorted by code. */
extern const la_country_row la_country_rows[];
extern const size_t la_country_rows_count;
/* Sorted by country, then name. */
extern const la_state_row la_state_rows[];
extern const size_t la_state_rows_count;

#endif /* LOCALAPI_CLIENT_TABLES_H */
