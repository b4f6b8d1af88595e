/* test-languages.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table of languages, made from po/LINGUAS at build time, and what a
 * catalogue of a language says of itself: its name and its plural forms.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "measures-languages.h"
#include "measures-text.h"
#include "measures-translations.h"

/* The table is English, then po/LINGUAS as it is in the sources. */
static void
test_codes_follow_linguas (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "LINGUAS", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) expected = NULL;
  const char * const *codes = measures_languages_get_codes ();

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_strv_builder_add (builder, "en");
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *hash = strchr (lines[i], '#');
      g_auto(GStrv) words = NULL;

      if (hash != NULL)
        *hash = '\0';
      words = g_strsplit_set (lines[i], " \t\r", -1);
      for (guint k = 0; words[k] != NULL; k++)
        if (*words[k] != '\0')
          g_strv_builder_add (builder, words[k]);
    }
  expected = g_strv_builder_end (builder);

  g_assert_true (g_strv_equal ((const char * const *) expected, codes));
  g_assert_cmpstr (codes[0], ==, "en");
  g_assert_true (g_strv_contains (codes, "ro"));
}

static void
test_find (void)
{
  g_assert_cmpstr (measures_languages_find ("ro"), ==, "ro");
  g_assert_cmpstr (measures_languages_find ("ro_RO.UTF-8"), ==, "ro");
  g_assert_cmpstr (measures_languages_find ("EN-gb"), ==, "en");
  g_assert_null (measures_languages_find ("fr"));
  g_assert_null (measures_languages_find ("rom"));
  g_assert_null (measures_languages_find (""));
  g_assert_null (measures_languages_find (NULL));
}

/* Each language is named in its own words, from its own catalogue,
 * whatever the interface's language; in words of the interface's in
 * sentences. */
static void
test_names_and_sentences (void)
{
  static const struct {
    const char *code;
    const char *name;
    const char *shown_in;
    const char *read_in;
  } expected[] = {
    { "en", "English", "Shown in English", "Read this measure in English" },
    { "ro", "Română", "Shown in Romanian", "Read this measure in Romanian" },
    /* No catalogue names it: its code, and the general sentences. */
    { "xx", "xx", "Shown in the record’s language (xx)", "Read this measure in xx" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *name = measures_languages_dup_name (expected[i].code);
      g_autofree char *shown_in = measures_languages_dup_shown_in (expected[i].code);
      g_autofree char *read_in = measures_languages_dup_read_in (expected[i].code);

      g_assert_cmpstr (name, ==, expected[i].name);
      g_assert_cmpstr (shown_in, ==, expected[i].shown_in);
      g_assert_cmpstr (read_in, ==, expected[i].read_in);
    }
}

static void
test_lists (void)
{
  const char *none[] = { NULL };
  const char *one[] = { "pdf", NULL };
  const char *two[] = { "en", "ro", NULL };
  const char *three[] = { "pdf", "html", "md", NULL };
  g_autofree char *list = NULL;
  g_autofree char *expected = NULL;
  char *text;

  text = measures_text_join_alternatives (none);
  g_assert_cmpstr (text, ==, "");
  g_free (text);
  text = measures_text_join_alternatives (one);
  g_assert_cmpstr (text, ==, "pdf");
  g_free (text);
  text = measures_text_join_alternatives (two);
  g_assert_cmpstr (text, ==, "en or ro");
  g_free (text);
  text = measures_text_join_alternatives (three);
  g_assert_cmpstr (text, ==, "pdf, html or md");
  g_free (text);

  list = measures_languages_dup_list ();
  expected = measures_text_join_alternatives (measures_languages_get_codes ());
  g_assert_cmpstr (list, ==, expected);
  g_assert_true (g_str_has_prefix (list, "en"));
}

/* Romanian's three forms, from the Plural-Forms of its catalogue. */
static void
test_plural_romanian (void)
{
  g_autoptr(MeasuresTranslations) ro = measures_translations_new ("ro");
  static const struct {
    gulong n;
    const char *form;
  } expected[] = {
    { 0, "%s măsuri" }, { 1, "%s măsură" }, { 2, "%s măsuri" }, { 19, "%s măsuri" },
    { 20, "%s de măsuri" }, { 21, "%s de măsuri" }, { 100, "%s de măsuri" },
    { 101, "%s măsuri" }, { 119, "%s măsuri" }, { 120, "%s de măsuri" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (measures_translations_nget (ro, "%s measure", "%s measures", expected[i].n), ==,
                     expected[i].form);
}

/* Writes a catalogue of language @lang into @dir with msgfmt. */
static gboolean
write_catalogue (const char *dir,
                 const char *lang,
                 const char *plural_forms,
                 const char *name)
{
  g_autofree char *messages = g_build_filename (dir, lang, "LC_MESSAGES", NULL);
  g_autofree char *po = g_build_filename (dir, "test.po", NULL);
  g_autofree char *mo = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *text = NULL;
  const char *argv[] = { "msgfmt", "-o", mo, po, NULL };
  int status;

  text = g_strdup_printf ("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                          "\"Plural-Forms: %s\\n\"\n\n"
                          "msgctxt \"language name\"\nmsgid \"English\"\nmsgstr \"%s\"\n\n"
                          "msgid \"%%s measure\"\nmsgid_plural \"%%s measures\"\n"
                          "msgstr[0] \"%%s mesure\"\nmsgstr[1] \"%%s mesures\"\n",
                          plural_forms, name);
  g_assert_cmpint (g_mkdir_with_parents (messages, 0755), ==, 0);
  g_assert_true (g_file_set_contents (po, text, -1, NULL));
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return FALSE;
  g_unlink (po);

  return TRUE;
}

/* A third language is a catalogue: it names itself and brings its own
 * plural forms, which need not be Romanian's or English's. An expression
 * that cannot be read gives English's rule. */
static void
test_third_language (void)
{
  g_autofree char *dir = g_dir_make_tmp ("measures-languages-XXXXXX", NULL);
  g_autofree char *bound = g_strdup (bindtextdomain (GETTEXT_PACKAGE, NULL));
  g_autoptr(MeasuresTranslations) fr = NULL;
  g_autoptr(MeasuresTranslations) bad = NULL;
  g_autofree char *name = NULL;
  g_autofree char *mo = NULL;

  if (!write_catalogue (dir, "fr", "nplurals=2; plural=(n > 1);", "Français") ||
      !write_catalogue (dir, "zz", "nplurals=2; plural=(n >;", "Zz"))
    {
      g_test_skip ("msgfmt cannot make a catalogue");
      return;
    }

  bindtextdomain (GETTEXT_PACKAGE, dir);
  name = measures_languages_dup_name ("fr");
  fr = measures_translations_new ("fr");
  bad = measures_translations_new ("zz");
  bindtextdomain (GETTEXT_PACKAGE, bound);

  g_assert_cmpstr (name, ==, "Français");
  g_assert_cmpstr (measures_translations_nget (fr, "%s measure", "%s measures", 0), ==, "%s mesure");
  g_assert_cmpstr (measures_translations_nget (fr, "%s measure", "%s measures", 1), ==, "%s mesure");
  g_assert_cmpstr (measures_translations_nget (fr, "%s measure", "%s measures", 2), ==, "%s mesures");
  g_assert_cmpstr (measures_translations_nget (bad, "%s measure", "%s measures", 0), ==, "%s mesures");
  g_assert_cmpstr (measures_translations_nget (bad, "%s measure", "%s measures", 1), ==, "%s mesure");

  for (guint i = 0; i < 2; i++)
    {
      mo = g_build_filename (dir, i == 0 ? "fr" : "zz", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      g_unlink (mo);
      g_clear_pointer (&mo, g_free);
      mo = g_build_filename (dir, i == 0 ? "fr" : "zz", "LC_MESSAGES", NULL);
      g_rmdir (mo);
      g_clear_pointer (&mo, g_free);
      mo = g_build_filename (dir, i == 0 ? "fr" : "zz", NULL);
      g_rmdir (mo);
      g_clear_pointer (&mo, g_free);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MEASURES_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/languages/codes-follow-linguas", test_codes_follow_linguas);
  g_test_add_func ("/languages/find", test_find);
  g_test_add_func ("/languages/names-and-sentences", test_names_and_sentences);
  g_test_add_func ("/languages/lists", test_lists);
  g_test_add_func ("/languages/plural-romanian", test_plural_romanian);
  g_test_add_func ("/languages/third-language", test_third_language);

  return g_test_run ();
}
