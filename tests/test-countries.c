/* test-countries.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs with LANGUAGE=ro, the catalogue of the build tree and iso-codes'
 * list of countries (ISO_3166_JSON).
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <locale.h>

#include "measures-countries.h"
#include "measures-translations.h"
#include "measures-vocabulary.h"

static const char *
find_code (const char *name)
{
  const MeasuresCountry *country = measures_countries_find (name);

  return country != NULL ? country->alpha_2 : NULL;
}

/* Every country of iso-codes is in the table, found by each of its
 * names in iso-codes, with its codes; and one more, Kosovo, that ISO
 * 3166-1 does not list. */
static void
test_against_iso_codes (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *list;
  guint n;

  json_parser_load_from_file (parser, g_getenv ("ISO_3166_JSON"), &error);
  g_assert_no_error (error);
  list = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "3166-1");

  measures_countries_get_all (&n);
  g_assert_cmpuint (n, ==, json_array_get_length (list) + 1);
  g_assert_cmpuint (n, >=, 249);

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *entry = json_array_get_object_element (list, i);
      const char *alpha_2 = json_object_get_string_member (entry, "alpha_2");
      const char *keys[] = { "name", "official_name", "common_name" };
      const MeasuresCountry *country = measures_countries_find (json_object_get_string_member (entry, "name"));

      g_assert_nonnull (country);
      g_assert_cmpstr (country->alpha_2, ==, alpha_2);
      g_assert_cmpstr (country->alpha_3, ==, json_object_get_string_member (entry, "alpha_3"));
      g_assert_cmpstr (country->iso_name, ==, json_object_get_string_member (entry, "name"));

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        if (json_object_has_member (entry, keys[k]))
          {
            g_test_message ("%s: %s", alpha_2, json_object_get_string_member (entry, keys[k]));
            g_assert_cmpstr (find_code (json_object_get_string_member (entry, keys[k])), ==, alpha_2);
          }

      /* Its own name finds it too, and its region is one of the five. */
      g_assert_true (measures_countries_find (country->name) == country);
      g_assert_true (country->region == NULL ||
                     g_strv_contains ((const char * const[]) { "Africa", "Americas", "Asia", "Europe",
                                                               "Oceania", NULL }, country->region));
    }
}

/* The names the Global Database writes, in any case and with or without
 * diacritics and punctuation. */
static void
test_global_database_names (void)
{
  const struct {
    const char *name;
    const char *code;
  } cases[] = {
    { "Bolivia Plurinational State of", "BO" },
    { "Bolivia (Plurinational State of)", "BO" },
    { "North Macedonia Republic of", "MK" },
    { "The Former Yugoslav Republic of Macedonia", "MK" },
    { "Republic of Moldova", "MD" },
    { "Moldova, Republic of", "MD" },
    { "Türkiye", "TR" },
    { "turkiye", "TR" },
    { "Côte d'Ivoire", "CI" },
    { "Cote d’Ivoire", "CI" },
    { "Viet Nam", "VN" },
    { "United Kingdom of Great Britain and Northern Ireland", "GB" },
    { "United States of America", "US" },
    { "Iran (Islamic Republic of)", "IR" },
    { "Democratic Republic of the Congo", "CD" },
    { "Congo", "CG" },
    { "  ROMANIA ", "RO" },
    { "Gambia", "GM" },
    { "the Gambia", "GM" },
    /* As a Global Database source names it, a record's Source of Information. */
    { "Republic of Korea (South)", "KR" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].name);
      g_assert_cmpstr (find_code (cases[i].name), ==, cases[i].code);
    }

  /* Kosovo, which ISO 3166-1 does not list, by its user-assigned code. */
  g_assert_cmpstr (find_code ("Kosovo"), ==, "XK");
  g_assert_cmpstr (find_code ("KOSOVO"), ==, "XK");
  g_assert_cmpstr (find_code ("Kosovo (under UNSC resolution 1244)"), ==, "XK");
  g_assert_cmpstr (measures_countries_find ("Kosovo")->alpha_3, ==, "XKX");
  g_assert_cmpstr (measures_vocabulary_region_of ("Kosovo"), ==, "Europe");

  g_assert_null (measures_countries_find ("Atlantis"));
  g_assert_null (measures_countries_find (""));
  g_assert_null (measures_countries_find ("The"));
  g_assert_null (measures_countries_find ("Romania\001"));
  g_assert_null (measures_vocabulary_region_of ("Atlantis"));
}

/* The site files Georgia, Cyprus, Mongolia, Bhutan and Cambodia under
 * Asia; the rest of Europe under Europe. */
static void
test_regions (void)
{
  const char *asia[] = { "Georgia", "Cyprus", "Mongolia", "Bhutan", "Cambodia", "Türkiye", NULL };
  const char *europe[] = { "Romania", "Republic of Moldova", "Albania", "Serbia", NULL };

  for (guint i = 0; asia[i] != NULL; i++)
    g_assert_cmpstr (measures_vocabulary_region_of (asia[i]), ==, "Asia");
  for (guint i = 0; europe[i] != NULL; i++)
    g_assert_cmpstr (measures_vocabulary_region_of (europe[i]), ==, "Europe");
  g_assert_cmpstr (measures_vocabulary_region_of ("Argentina"), ==, "Americas");
  g_assert_cmpstr (measures_vocabulary_region_of ("Nigeria"), ==, "Africa");
  g_assert_cmpstr (measures_vocabulary_region_of ("Samoa"), ==, "Oceania");
}

/* In Romanian: from iso-codes, or from our catalogue where iso-codes
 * names a country badly; the same whether the interface or a summary
 * asks. In English: the Global Database's names. */
static void
test_labels (void)
{
  g_autoptr(MeasuresTranslations) ro = measures_translations_new ("ro");
  g_autoptr(MeasuresTranslations) en = measures_translations_new ("en");
  const MeasuresCountry *countries;
  guint n, from_iso = 0;

  countries = measures_countries_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      const MeasuresCountry *country = &countries[i];
      const char *label = measures_country_get_label (country, NULL);
      const char *iso = dgettext (ISO_3166_DOMAIN, country->iso_name);

      g_test_message ("%s: %s → %s", country->alpha_2, country->name, label);
      g_assert_cmpstr (measures_country_get_label (country, ro), ==, label);
      g_assert_cmpstr (measures_country_get_label (country, en), ==, country->name);
      g_assert_null (strpbrk (label, "\xc5\x9f"));

      if (country->own_label)
        /* A name of ours must be translated. */
        g_assert_cmpstr (label, ==, g_dpgettext2 (GETTEXT_PACKAGE, "country", country->name));
      else if (iso != country->iso_name)
        {
          g_assert_cmpstr (label, ==, iso);
          from_iso++;
        }
      else
        g_assert_cmpstr (label, ==, country->name);
    }

  /* iso-codes' catalogue was found and read. */
  g_assert_cmpuint (from_iso, >=, 200);

  g_assert_cmpstr (measures_country_get_label (measures_countries_find ("Romania"), NULL), ==, "România");
  g_assert_cmpstr (measures_country_get_label (measures_countries_find ("France"), NULL), ==, "Franța");
  g_assert_cmpstr (measures_country_get_label (measures_countries_find ("Republic of Moldova"), NULL), ==,
                   "Republica Moldova");
  g_assert_cmpstr (measures_country_get_label (measures_countries_find ("North Macedonia Republic of"), NULL), ==,
                   "Macedonia de Nord");
  g_assert_cmpstr (measures_country_get_label (measures_countries_find ("Türkiye"), NULL), ==, "Turcia");
  g_assert_cmpstr (measures_country_get_label (measures_countries_find ("Kosovo"), NULL), ==, "Kosovo");
  g_assert_cmpstr (measures_country_get_label (measures_countries_find ("Kosovo"), ro), ==, "Kosovo");
  g_assert_cmpstr (measures_country_get_label (measures_countries_find ("Bolivia Plurinational State of"), en), ==,
                   "Bolivia (Plurinational State of)");
}

/* Through the vocabulary: a known country by any name is one facet
 * value with one label; an unknown one is shown and compared as given. */
static void
test_vocabulary (void)
{
  g_autofree char *turkey = measures_facet_key (MEASURES_FACET_COUNTRY, "Turkey");
  g_autofree char *turkiye = measures_facet_key (MEASURES_FACET_COUNTRY, "Türkiye");
  g_autofree char *atlantis = measures_facet_key (MEASURES_FACET_COUNTRY, "Atlantis ");
  g_autofree char *label = measures_vocabulary_label (MEASURES_FACET_COUNTRY, "Viet Nam");
  g_autofree char *unknown = measures_vocabulary_label (MEASURES_FACET_COUNTRY, "Atlantis");

  g_assert_cmpstr (turkey, ==, turkiye);
  g_assert_cmpstr (atlantis, ==, "atlantis");
  g_assert_cmpstr (label, ==, "Vietnam");
  g_assert_cmpstr (unknown, ==, "Atlantis");
  g_assert_true (measures_vocabulary_is_known (MEASURES_FACET_COUNTRY, "cote d'ivoire"));
  g_assert_false (measures_vocabulary_is_known (MEASURES_FACET_COUNTRY, "Atlantis"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MEASURES_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/countries/against-iso-codes", test_against_iso_codes);
  g_test_add_func ("/countries/global-database-names", test_global_database_names);
  g_test_add_func ("/countries/regions", test_regions);
  g_test_add_func ("/countries/labels", test_labels);
  g_test_add_func ("/countries/vocabulary", test_vocabulary);

  return g_test_run ();
}
