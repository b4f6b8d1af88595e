/* test-localized.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "measures-error.h"
#include "measures-localized.h"
#include "measures-store.h"

static MeasuresLocalized *
parse (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  MeasuresLocalized *localized;

  g_assert_nonnull (node);
  localized = measures_localized_from_json (node, &error);
  g_assert_no_error (error);

  return localized;
}

static void
test_resolve (void)
{
  g_autoptr(MeasuresLocalized) both = parse ("{\"en\": \"Law\", \"ro\": \"Lege\"}");
  const char *ro[] = { "ro_RO.UTF-8", "ro_RO", "ro", "C", NULL };
  const char *ro_bare[] = { "ro", NULL };
  const char *fr[] = { "fr_FR.UTF-8", "fr", "C", NULL };
  const char *c[] = { "C.UTF-8", "C", NULL };
  const char *lang = NULL;

  g_assert_cmpstr (measures_localized_resolve (both, ro, &lang), ==, "Lege");
  g_assert_cmpstr (lang, ==, "ro");
  g_assert_cmpstr (measures_localized_resolve (both, ro_bare, &lang), ==, "Lege");
  /* A language the record lacks falls back to English. */
  g_assert_cmpstr (measures_localized_resolve (both, fr, &lang), ==, "Law");
  g_assert_cmpstr (lang, ==, "en");
  g_assert_cmpstr (measures_localized_resolve (both, c, &lang), ==, "Law");
  g_assert_cmpstr (measures_localized_resolve (both, NULL, &lang), ==, "Law");
}

static void
test_resolve_fallbacks (void)
{
  g_autoptr(MeasuresLocalized) plain = parse ("\"Loi\"");
  g_autoptr(MeasuresLocalized) only_ro = parse ("{\"ro\": \"Lege\"}");
  g_autoptr(MeasuresLocalized) empty = parse ("{}");
  const char *en[] = { "en_GB", "en", NULL };
  const char *lang = NULL;

  g_assert_cmpstr (measures_localized_resolve (plain, en, &lang), ==, "Loi");
  g_assert_cmpstr (lang, ==, "");
  /* Nothing in English: the language the record has. */
  g_assert_cmpstr (measures_localized_resolve (only_ro, en, &lang), ==, "Lege");
  g_assert_cmpstr (lang, ==, "ro");
  g_assert_null (measures_localized_resolve (empty, en, &lang));
  g_assert_null (lang);
  g_assert_true (measures_localized_is_empty (empty));
}

static void
test_bad_shapes (void)
{
  const char *bad[] = { "42", "[\"a\"]", "{\"en\": 3}", "{\"en\": {\"x\": \"y\"}}", "true" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (bad[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(MeasuresLocalized) localized = measures_localized_from_json (node, &error);

      g_assert_null (localized);
      g_assert_error (error, MEASURES_ERROR, MEASURES_ERROR_BAD_VALUE);
    }
}

static void
test_round_trip (void)
{
  const char *texts[] = { "\"plain\"", "{\"en\":\"A\",\"ro\":\"Ă\"}", "{\"ro\":\"Ș\"}" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(MeasuresLocalized) localized = parse (texts[i]);
      g_autoptr(JsonNode) node = measures_localized_to_json (localized);
      g_autofree char *text = json_to_string (node, FALSE);

      g_assert_cmpstr (text, ==, texts[i]);
    }
}

static void
test_equal (void)
{
  g_autoptr(MeasuresLocalized) a = parse ("{\"en\":\"A\",\"ro\":\"B\"}");
  g_autoptr(MeasuresLocalized) b = parse ("{\"ro\":\"B\",\"en\":\"A\"}");
  g_autoptr(MeasuresLocalized) c = parse ("{\"en\":\"A\"}");

  g_assert_true (measures_localized_equal (a, b));
  g_assert_false (measures_localized_equal (a, c));
  g_assert_true (measures_localized_equal (NULL, NULL));
  g_assert_false (measures_localized_equal (c, NULL));
}

/* Made with room for some languages, in one block: more can be set. */
static void
test_sized (void)
{
  g_autoptr(MeasuresStrings) strings = measures_strings_new (4096);
  g_autoptr(MeasuresLocalized) sized = measures_localized_new_sized (strings, 2);
  g_autoptr(MeasuresLocalized) empty = measures_localized_new_sized (strings, 0);
  const char *langs[] = { "en", "ro", "fr", "de" };
  const char *texts[] = { "A", "B", "C", "D" };

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      measures_localized_set_borrowed (sized, langs[i], texts[i]);
      g_assert_cmpuint (measures_localized_get_n_langs (sized), ==, i + 1);
      for (guint k = 0; k <= i; k++)
        g_assert_cmpstr (measures_localized_get_exact (sized, langs[k]), ==, texts[k]);
    }
  measures_localized_set (sized, "it", "E");
  g_assert_cmpstr (measures_localized_get_exact (sized, "it"), ==, "E");
  g_assert_cmpstr (measures_localized_get_lang (sized, 2), ==, "fr");

  g_assert_true (measures_localized_is_empty (empty));
  measures_localized_set (empty, "ro", "Ț");
  g_assert_cmpstr (measures_localized_get_exact (empty, "ro"), ==, "Ț");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/localized/resolve", test_resolve);
  g_test_add_func ("/localized/resolve-fallbacks", test_resolve_fallbacks);
  g_test_add_func ("/localized/bad-shapes", test_bad_shapes);
  g_test_add_func ("/localized/round-trip", test_round_trip);
  g_test_add_func ("/localized/equal", test_equal);
  g_test_add_func ("/localized/sized", test_sized);

  return g_test_run ();
}
