/* measures-citation.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-citation"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "measures-citation.h"
#include "measures-localized.h"
#include "measures-text.h"
#include "measures-translations.h"
#include "measures-vocabulary.h"

/* The measures as references: a line of plain text each (Copy
 * Citation), and RIS, BibTeX (biblatex's fields) and CSL-JSON for
 * reference managers and citeproc. Each reference has the measure's
 * title, its country as the jurisdiction and place of publication, its
 * years as the date issued, its source as a note and the page's address
 * as its URL, in one language: the summary's, else English, else any.
 *
 * The files are written a stretch of records at a time, so that what
 * is held does not grow with the measures. */

/* How many references are made before they are written. */
#define CHUNK 256

typedef struct
{
  char *key;
  char *title;
  char *country;     /* its label in the language */
  int from;
  int to;            /* MEASURES_YEAR_NONE: open, or one year */
  char *source;
  const char *url;
} Reference;

static char *
pick (MeasuresLocalized *localized,
      const char        *lang)
{
  const char *langs[] = { lang, "en", MEASURES_LANG_NEUTRAL, NULL };
  const char *text;

  if (localized == NULL)
    return NULL;

  text = measures_localized_resolve (localized, langs, NULL);
  if (text == NULL || *text == '\0')
    return NULL;

  return g_strdup (text);
}

static void
reference_init (Reference            *ref,
                MeasuresMeasure      *measure,
                MeasuresTranslations *translations)
{
  const char *lang = measures_translations_get_lang (translations);
  const char *country = measures_measure_get_country (measure);
  const char *url = measures_measure_get_url (measure);

  ref->key = measures_citation_dup_key (measure);
  ref->title = pick (measures_measure_get_title (measure), lang);
  if (ref->title == NULL)
    ref->title = g_strdup (measures_measure_get_id (measure));
  ref->country = country != NULL ? measures_vocabulary_label_in (translations, MEASURES_FACET_COUNTRY, country)
                                 : NULL;
  ref->from = measures_measure_get_year_from (measure);
  ref->to = measures_measure_get_year_to (measure);
  if (ref->to == ref->from)
    ref->to = MEASURES_YEAR_NONE;
  ref->source = pick (measures_measure_get_source (measure), lang);
  ref->url = url != NULL && *url != '\0' ? url : NULL;
}

static void
reference_clear (Reference *ref)
{
  g_free (ref->key);
  g_free (ref->title);
  g_free (ref->country);
  g_free (ref->source);
}

/**
 * measures_citation_dup_key:
 *
 * Returns: (transfer full): the key @measure is cited by in BibTeX and
 *   CSL-JSON: its id, with what BibTeX cannot take in a key as "-"
 */
char *
measures_citation_dup_key (MeasuresMeasure *measure)
{
  const char *id = measures_measure_get_id (measure);
  GString *key = g_string_new (NULL);

  if (id == NULL || !g_ascii_isalpha (*id))
    g_string_append (key, "measure-");
  for (const char *p = id != NULL ? id : ""; *p != '\0'; p++)
    g_string_append_c (key, g_ascii_isalnum (*p) || strchr ("-_:.", *p) != NULL ? *p : '-');

  return g_string_free (key, FALSE);
}

/* Plain text */

static char *
dup_years (const Reference *ref)
{
  if (ref->from == MEASURES_YEAR_NONE)
    return NULL;
  if (ref->to == MEASURES_YEAR_NONE)
    return g_strdup_printf ("%d", ref->from);

  return g_strdup_printf ("%d–%d", ref->from, ref->to);
}

static void
append_text (GString         *out,
             const Reference *ref)
{
  g_autofree char *years = dup_years (ref);

  /* Title. Country, 2010–2015. Source. https://… */
  g_string_append (out, ref->title);
  if (ref->country != NULL || years != NULL)
    {
      g_string_append (out, ". ");
      if (ref->country != NULL)
        g_string_append (out, ref->country);
      if (ref->country != NULL && years != NULL)
        g_string_append (out, ", ");
      if (years != NULL)
        g_string_append (out, years);
    }
  if (ref->source != NULL)
    {
      g_autofree char *source = g_strdelimit (g_strdup (ref->source), "\r\n", ' ');

      g_string_append_printf (out, ". %s", g_strstrip (source));
    }
  if (out->len > 0 && out->str[out->len - 1] != '.')
    g_string_append_c (out, '.');
  if (ref->url != NULL)
    g_string_append_printf (out, " %s", ref->url);
}

/**
 * measures_citation_dup_text:
 * @measures: (element-type MeasuresMeasure): the measures, in order
 * @lang: (nullable): the language of the citations; %NULL for English
 *
 * Returns: (transfer full): a citation of each measure in plain text,
 *   one a line: "Title. Country, 2010–2015. Source. https://…"
 */
char *
measures_citation_dup_text (GPtrArray  *measures,
                            const char *lang)
{
  g_autoptr(MeasuresTranslations) translations = measures_translations_new (lang != NULL ? lang : "en");
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (measures != NULL, NULL);

  for (guint i = 0; i < measures->len; i++)
    {
      Reference ref = { NULL };

      reference_init (&ref, g_ptr_array_index (measures, i), translations);
      append_text (out, &ref);
      g_string_append_c (out, '\n');
      reference_clear (&ref);
    }

  return g_string_free (out, FALSE);
}

/* RIS */

static void
append_ris_tag (GString    *out,
                const char *tag,
                const char *value)
{
  g_autofree char *line = NULL;

  if (value == NULL)
    return;

  /* A tag's value is one line. */
  line = g_strdelimit (g_strdup (value), "\r\n", ' ');
  g_string_append_printf (out, "%s  - %s\r\n", tag, g_strstrip (line));
}

static void
append_ris (GString         *out,
            const Reference *ref,
            const char      *lang)
{
  g_string_append (out, "TY  - GEN\r\n");
  append_ris_tag (out, "ID", ref->key);
  append_ris_tag (out, "TI", ref->title);
  append_ris_tag (out, "CY", ref->country);
  if (ref->from != MEASURES_YEAR_NONE)
    {
      g_autofree char *year = g_strdup_printf ("%d", ref->from);
      g_autofree char *date = g_strdup_printf ("%d///", ref->from);

      append_ris_tag (out, "PY", year);
      append_ris_tag (out, "DA", date);
    }
  if (ref->to != MEASURES_YEAR_NONE)
    {
      g_autofree char *to = g_strdup_printf ("%d", ref->to);

      /* RIS has one date; the end of a period is a "date accessed"
       * nobody would read so, so it goes in a custom field. */
      append_ris_tag (out, "C1", to);
    }
  append_ris_tag (out, "N1", ref->source);
  append_ris_tag (out, "UR", ref->url);
  append_ris_tag (out, "LA", lang);
  g_string_append (out, "ER  - \r\n\r\n");
}

/* BibTeX */

/* @text with what TeX reads as markup escaped. */
static void
append_tex (GString    *out,
            const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '\\':
        g_string_append (out, "\\textbackslash{}");
        break;
      case '{':
      case '}':
      case '#':
      case '$':
      case '%':
      case '&':
      case '_':
        g_string_append_c (out, '\\');
        g_string_append_c (out, *p);
        break;
      case '~':
        g_string_append (out, "\\textasciitilde{}");
        break;
      case '^':
        g_string_append (out, "\\textasciicircum{}");
        break;
      case '\r':
      case '\n':
        g_string_append_c (out, ' ');
        break;
      default:
        g_string_append_c (out, *p);
      }
}

static void
append_bibtex_field (GString    *out,
                     const char *name,
                     const char *value,
                     gboolean    verbatim)
{
  if (value == NULL)
    return;

  g_string_append_printf (out, "  %s = {", name);
  if (verbatim)
    g_string_append (out, value);
  else
    append_tex (out, value);
  g_string_append (out, "},\n");
}

static void
append_bibtex (GString         *out,
               const Reference *ref,
               const char      *lang)
{
  g_autofree char *date = NULL;
  g_autofree char *url = NULL;

  if (ref->from != MEASURES_YEAR_NONE)
    date = ref->to != MEASURES_YEAR_NONE ? g_strdup_printf ("%d/%d", ref->from, ref->to)
                                         : g_strdup_printf ("%d", ref->from);
  /* An address with braces that do not pair would end the field. */
  if (ref->url != NULL && strpbrk (ref->url, "{}\\") == NULL)
    url = g_strdup (ref->url);

  g_string_append_printf (out, "@misc{%s,\n", ref->key);
  append_bibtex_field (out, "title", ref->title, FALSE);
  append_bibtex_field (out, "location", ref->country, FALSE);
  append_bibtex_field (out, "date", date, TRUE);
  append_bibtex_field (out, "note", ref->source, FALSE);
  append_bibtex_field (out, "url", url, TRUE);
  append_bibtex_field (out, "langid", lang, TRUE);
  g_string_append (out, "}\n\n");
}

/* CSL-JSON */

static void
append_csl (GString         *out,
            const Reference *ref,
            const char      *lang,
            gboolean         first)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, ref->key);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "legislation");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, ref->title);
  if (ref->country != NULL)
    {
      json_builder_set_member_name (builder, "jurisdiction");
      json_builder_add_string_value (builder, ref->country);
      json_builder_set_member_name (builder, "publisher-place");
      json_builder_add_string_value (builder, ref->country);
    }
  if (ref->from != MEASURES_YEAR_NONE)
    {
      json_builder_set_member_name (builder, "issued");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "date-parts");
      json_builder_begin_array (builder);
      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, ref->from);
      json_builder_end_array (builder);
      if (ref->to != MEASURES_YEAR_NONE)
        {
          json_builder_begin_array (builder);
          json_builder_add_int_value (builder, ref->to);
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  if (ref->source != NULL)
    {
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, ref->source);
    }
  if (ref->url != NULL)
    {
      json_builder_set_member_name (builder, "URL");
      json_builder_add_string_value (builder, ref->url);
    }
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, lang);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  /* One reference a line. */
  g_string_append (out, first ? "[\n  " : ",\n  ");
  g_string_append (out, text);
}

/**
 * measures_citation_to_stream:
 * @measures: (element-type MeasuresMeasure): the measures, in order
 * @style: the format
 * @lang: (nullable): the language of the references; %NULL for English
 * @out: where to write
 * @progress: (nullable) (scope call): told as the references are written
 * @user_data: for @progress
 * @cancellable: (nullable): stops the writing between stretches
 * @error: where a failure to write goes
 *
 * Writes a reference of each measure in @style, a stretch at a time.
 *
 * Returns: whether all of it was written
 */
gboolean
measures_citation_to_stream (GPtrArray              *measures,
                             MeasuresCitationStyle   style,
                             const char             *lang,
                             GOutputStream          *out,
                             MeasuresWriterProgress  progress,
                             gpointer                user_data,
                             GCancellable           *cancellable,
                             GError                **error)
{
  g_autoptr(MeasuresTranslations) translations = measures_translations_new (lang != NULL ? lang : "en");
  const char *code = measures_translations_get_lang (translations);
  g_autoptr(GString) chunk = g_string_new (NULL);

  g_return_val_if_fail (measures != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  for (guint i = 0; i < measures->len; i++)
    {
      Reference ref = { NULL };

      reference_init (&ref, g_ptr_array_index (measures, i), translations);
      switch (style)
        {
        case MEASURES_CITATION_RIS:
          append_ris (chunk, &ref, code);
          break;
        case MEASURES_CITATION_BIBTEX:
          append_bibtex (chunk, &ref, code);
          break;
        case MEASURES_CITATION_CSL_JSON:
        default:
          append_csl (chunk, &ref, code, i == 0);
          break;
        }
      reference_clear (&ref);

      if ((i + 1) % CHUNK == 0 || i + 1 == measures->len)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
              !g_output_stream_write_all (out, chunk->str, chunk->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (chunk, 0);
          if (progress != NULL)
            progress (i + 1, measures->len, user_data);
        }
    }

  if (style == MEASURES_CITATION_CSL_JSON)
    g_string_append (chunk, measures->len == 0 ? "[]\n" : "\n]\n");

  return g_output_stream_write_all (out, chunk->str, chunk->len, NULL, cancellable, error);
}

/**
 * measures_citation_to_bytes:
 *
 * Returns: (transfer full): what measures_citation_to_stream() writes
 */
GBytes *
measures_citation_to_bytes (GPtrArray             *measures,
                            MeasuresCitationStyle  style,
                            const char            *lang)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

  measures_citation_to_stream (measures, style, lang, memory, NULL, NULL, NULL, NULL);
  g_output_stream_close (memory, NULL, NULL);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}
