/* measures-languages.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-languages"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "measures-languages.h"
#include "measures-localized.h"
#include "measures-text.h"
#include "measures-translations.h"

/* The languages Measures speaks, in one table: English, in which the
 * sources are written, then each language of po/LINGUAS, which meson
 * reads at build time into MEASURES_LANGUAGE_CODES. The preferences, the
 * export dialog, the detail pane's switch, --lang and the CSV columns all
 * follow it, so that a new language is its .po file and one line in
 * po/LINGUAS.
 *
 * Each language is named in its own words, by its own catalogue (the
 * translation of the "language name" message), wherever it is offered:
 * "English", "Română". */

static const char * const codes[] = { MEASURES_LANGUAGE_CODES, NULL };

/* What the interface says of the languages it knows by name; another
 * language of po/LINGUAS gets the general sentences below. */
static const struct
{
  const char *code;
  const char *shown_in;
  const char *read_in;
} sentences[] = {
  /* Translators: a note beside a record whose text is shown in English */
  { "en", N_("Shown in English"),
    /* Translators: the tooltip of the button that shows a record in English */
    N_("Read this measure in English") },
  /* Translators: a note beside a record whose text is shown in Romanian */
  { "ro", N_("Shown in Romanian"),
    /* Translators: the tooltip of the button that shows a record in Romanian */
    N_("Read this measure in Romanian") },
};

/**
 * measures_languages_get_codes:
 *
 * Returns: (array zero-terminated=1) (transfer none): the base codes of
 *   the languages of the interface and of summaries: "en", then those of
 *   po/LINGUAS
 */
const char * const *
measures_languages_get_codes (void)
{
  return codes;
}

/**
 * measures_languages_find:
 * @lang: (nullable): a language or locale: "ro", "ro_RO.UTF-8", "fr"
 *
 * Returns: (nullable): the code of the table @lang is a variant of, or
 *   %NULL when Measures does not speak it
 */
const char *
measures_languages_find (const char *lang)
{
  for (guint i = 0; codes[i] != NULL; i++)
    if (measures_language_is (lang, codes[i]))
      return codes[i];

  return NULL;
}

/**
 * measures_languages_dup_name:
 * @code: a code of the table
 *
 * Returns: (transfer full): the language's name in its own words, from
 *   its own catalogue: "English", "Română"; its code while its catalogue
 *   does not name it
 */
char *
measures_languages_dup_name (const char *code)
{
  g_autoptr(MeasuresTranslations) translations = NULL;
  /* Translators: the name of your language in your language, as it is
   * offered to readers of every language: “Română”, “Français”. Not the
   * word for English. */
  const char *english = NC_("language name", "English");
  const char *name;

  g_return_val_if_fail (code != NULL, NULL);

  translations = measures_translations_new (code);
  name = measures_translations_get (translations, "language name", english);
  if (name == english && !measures_language_is (code, "en"))
    return g_strdup (code);

  return g_strdup (name);
}

/**
 * measures_languages_dup_shown_in:
 * @lang: the language a record's text is shown in
 *
 * Returns: (transfer full): the note that says so, in the interface's
 *   language: "Shown in Romanian"
 */
char *
measures_languages_dup_shown_in (const char *lang)
{
  g_return_val_if_fail (lang != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sentences); i++)
    if (measures_language_is (lang, sentences[i].code))
      return g_strdup (_(sentences[i].shown_in));

  /* Translators: %s is a language code such as "fr" */
  return g_strdup_printf (_("Shown in the record’s language (%s)"), lang);
}

/**
 * measures_languages_dup_read_in:
 * @code: a code of the table
 *
 * Returns: (transfer full): the tooltip of the button that shows a record
 *   in that language: "Read this measure in Romanian"
 */
char *
measures_languages_dup_read_in (const char *code)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sentences); i++)
    if (measures_language_is (code, sentences[i].code))
      return g_strdup (_(sentences[i].read_in));

  name = measures_languages_dup_name (code);
  /* Translators: %s is the name of a language in its own words, such as
   * “Français” */
  return g_strdup_printf (_("Read this measure in %s"), name);
}

/**
 * measures_languages_dup_list:
 *
 * Returns: (transfer full): the codes as the command line names them:
 *   "en or ro"
 */
char *
measures_languages_dup_list (void)
{
  return measures_text_join_alternatives (codes);
}

/* The language the interface is asked to speak: the first of the
 * locale's languages that is English, C or one of ours; %NULL for
 * English. */
static const char *
interface_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *code;

      if (g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX") || g_str_has_prefix (names[i], "C."))
        return NULL;
      if ((code = measures_languages_find (names[i])) != NULL)
        return measures_language_is (code, "en") ? NULL : code;
    }

  return NULL;
}

/**
 * measures_languages_dup_missing_catalogue:
 * @lang: (nullable): a language of the table; %NULL for the language the
 *   locale asks the interface in
 *
 * Whether the catalogue of @lang is where the program bound its text
 * domain (bindtextdomain()): an installed Measures finds it under its
 * prefix; one run from its build tree without `meson devenv` does not,
 * and would write English without a word.
 *
 * Returns: (transfer full) (nullable): a sentence saying that the
 *   catalogue is missing and where it was looked for; %NULL when @lang
 *   is English or its catalogue is in place
 */
char *
measures_languages_dup_missing_catalogue (const char *lang)
{
  const char *code = lang != NULL ? measures_languages_find (lang) : interface_language ();
  const char *dir;
  g_autofree char *path = NULL;

  if (code == NULL || measures_language_is (code, "en"))
    return NULL;

  dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  path = g_build_filename (dir != NULL ? dir : LOCALEDIR, code, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  /* Translators: %s is a language code such as “ro”, then the file that
   * is missing; seen only when another language's catalogue is missing */
  return g_strdup_printf (_("Measures cannot find its catalogue for “%s” (%s), so it is in English. "
                            "Install Measures, or run it from its build tree with “meson devenv -C BUILD measures”."),
                          code, path);
}
