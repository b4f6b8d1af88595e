/* measures-countries.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-countries"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "measures-countries.h"
#include "measures-localized.h"
#include "measures-text.h"

/* Every country of ISO 3166-1, found by any name a record gives it, and
 * named in the language of the interface or of a summary.
 *
 * The table is generated (build-aux/gen-countries.py) from iso-codes and
 * build-aux/countries.tsv. A country's name in another language comes
 * from iso-codes' iso_3166-1 catalogue of that language, except for the
 * few whose name there reads wrong: those are messages of our own
 * catalogue, with the context "country". In English every country has
 * the name the Global Database writes ("Republic of Moldova", not ISO's
 * "Moldova, Republic of").
 */

#include "measures-countries-table.h"

typedef struct
{
  GHashTable *by_name;   /* a name as written → its MeasuresCountry */
  GHashTable *by_key;    /* measures_countries_key() of a name → the same */
} Tables;

static gpointer
make_tables (gpointer data)
{
  Tables *tables = g_new0 (Tables, 1);

  /* dgettext() reads iso-codes' catalogues where iso-codes installed them. */
  bindtextdomain (ISO_3166_DOMAIN, ISO_CODES_LOCALEDIR);
  bind_textdomain_codeset (ISO_3166_DOMAIN, "UTF-8");

  tables->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  tables->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (country_names); i++)
    {
      const MeasuresCountry *country = &country_table[country_names[i].country];
      char *key = measures_countries_key (country_names[i].name);

      g_hash_table_insert (tables->by_name, (gpointer) country_names[i].name, (gpointer) country);
      /* The generator refuses a name two countries share; the first wins
       * anyway. */
      if (!g_hash_table_contains (tables->by_key, key))
        g_hash_table_insert (tables->by_key, key, (gpointer) country);
      else
        g_free (key);
    }

  return tables;
}

static Tables *
get_tables (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, make_tables, NULL);
}

/**
 * measures_countries_key:
 * @name: a country's name
 *
 * Names compare without case, diacritics, punctuation or a leading
 * "the": "Côte d'Ivoire" and "cote d’ivoire", "Bolivia (Plurinational
 * State of)" and "Bolivia Plurinational State of" are one name.
 *
 * Returns: (transfer full): the key @name is compared by
 */
char *
measures_countries_key (const char *name)
{
  g_autofree char *words = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  words = measures_fold_words (name);
  if (g_str_has_prefix (words, "the ") && words[4] != '\0')
    return g_strdup (words + 4);

  return g_steal_pointer (&words);
}

/**
 * measures_countries_find:
 * @name: a country as a record or a user writes it
 *
 * Finds a country by its name in English as the Global Database writes
 * it or by an older form it used ("The Former Yugoslav Republic of
 * Macedonia"), by its names in iso-codes (short, official, common), in
 * any case, with or without diacritics and punctuation.
 *
 * Returns: (nullable) (transfer none): the country, or %NULL when no
 *   country is known by @name
 */
const MeasuresCountry *
measures_countries_find (const char *name)
{
  Tables *tables;
  const MeasuresCountry *found;
  g_autofree char *key = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  tables = get_tables ();

  /* Most records write a name of the table exactly: no folding then. */
  if ((found = g_hash_table_lookup (tables->by_name, name)) != NULL)
    return found;

  /* A control character is in no name a page writes: such a value is
   * shown as given, controls made visible, not taken for a country. */
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return NULL;

  key = measures_countries_key (name);

  return g_hash_table_lookup (tables->by_key, key);
}

/**
 * measures_countries_get_all:
 * @n_countries: (out): how many
 *
 * Returns: (array length=n_countries) (transfer none): every country
 *   Measures knows, by alpha-2 code
 */
const MeasuresCountry *
measures_countries_get_all (guint *n_countries)
{
  g_return_val_if_fail (n_countries != NULL, NULL);

  *n_countries = G_N_ELEMENTS (country_table);

  return country_table;
}

/* Whether the interface speaks a language of our own catalogue: only a
 * translation has a header. Without one the interface is in English,
 * and so are the countries, whatever iso-codes has for the locale. */
static gboolean
interface_is_translated (void)
{
  const char *header = dgettext (GETTEXT_PACKAGE, "");

  return header != NULL && *header != '\0';
}

/**
 * measures_country_get_label:
 * @country: a country
 * @translations: (nullable): the language to name it in; %NULL for the
 *   language of the interface
 *
 * Returns: (transfer none): the name of @country in that language, from
 *   our catalogue for the few iso-codes names badly, otherwise from
 *   iso-codes; in English, or when neither has it, the Global Database's
 *   name
 */
const char *
measures_country_get_label (const MeasuresCountry *country,
                            MeasuresTranslations  *translations)
{
  const char *label;

  g_return_val_if_fail (country != NULL, NULL);

  get_tables ();

  if (translations != NULL)
    {
      if (measures_language_is (measures_translations_get_lang (translations), "en"))
        return country->name;

      if (country->own_label &&
          (label = measures_translations_get (translations, "country", country->name)) != country->name)
        return label;

      if ((label = measures_translations_get_country (translations, country->iso_name)) != NULL)
        return label;

      return country->name;
    }

  /* Both give back the message itself when it has no translation. */
  if (country->own_label &&
      (label = g_dpgettext2 (GETTEXT_PACKAGE, "country", country->name)) != country->name)
    return label;

  /* ISO's own form ("Bolivia, Plurinational State of") is never shown. */
  if (interface_is_translated () &&
      (label = dgettext (ISO_3166_DOMAIN, country->iso_name)) != country->iso_name)
    return label;

  return country->name;
}
