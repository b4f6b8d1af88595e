/* measures-writer-records.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "measures-languages.h"
#include "measures-localized.h"
#include "measures-translations.h"
#include "measures-vocabulary.h"
#include "measures-writer.h"

/* The measures themselves as CSV and as a measures-1 dataset in JSON
 * (the summary's writers are measures-writer.c's). Both are made in
 * chunks of records on both cores and written in order as soon as each
 * is made, so that what is held does not grow with the measures and the
 * kernel's copying into the file overlaps the making. */

/* What a writer to a stream made in memory. */
static GBytes *
to_bytes (GOutputStream *memory)
{
  g_output_stream_close (memory, NULL, NULL);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* CSV */

/* RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a
 * leading apostrophe, so it stays text. */
static void
append_csv_cell (GString    *out,
                 const char *value,
                 gboolean    first)
{
  const char *text = value != NULL ? value : "";

  if (!first)
    g_string_append_c (out, ',');

  g_string_append_c (out, '"');
  if (strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    g_string_append_c (out, '\'');
  /* Runs without quotes are copied whole. */
  for (const char *p = text; *p != '\0';)
    {
      const char *quote = strchr (p, '"');
      gsize run = quote != NULL ? (gsize) (quote - p) + 1 : strlen (p);

      g_string_append_len (out, p, run);
      if (quote == NULL)
        break;
      g_string_append_c (out, '"');
      p = quote + 1;
    }
  g_string_append_c (out, '"');
}

static const char *
csv_localized (MeasuresLocalized *localized,
               const char        *lang)
{
  const char *text;

  if (localized == NULL)
    return NULL;

  text = measures_localized_get_exact (localized, lang);
  if (text == NULL && g_str_equal (lang, "en"))
    text = measures_localized_get_exact (localized, MEASURES_LANG_NEUTRAL);

  return text;
}

/* The columns, as the English CSV names them. In another language each
 * header is the translation of its name, and a column whose values are
 * labels (country, region, types, forms) comes twice: the labels in
 * that language under the translated header, then the values as the
 * data stores them under the English name, the same column as the
 * English CSV's, that a spreadsheet can join on. */
typedef enum
{
  CSV_ID,
  CSV_COUNTRY,
  CSV_REGION,
  CSV_YEAR_FROM,
  CSV_YEAR_TO,
  CSV_TYPES,
  CSV_FORMS,
  CSV_N_FIELDS
} CsvField;

static const struct
{
  const char *name;
  int facet;                   /* of the labels, or -1: no labels */
} csv_fields[CSV_N_FIELDS] = {
  /* Translators: the headings of the columns of the CSV export, in
   * lowercase words joined by “_” (no spaces), so that a spreadsheet
   * or a script can name them; the stored values keep the English
   * headings in columns of their own */
  [CSV_ID] = { NC_("CSV column", "id"), -1 },
  [CSV_COUNTRY] = { NC_("CSV column", "country"), MEASURES_FACET_COUNTRY },
  [CSV_REGION] = { NC_("CSV column", "region"), MEASURES_FACET_REGION },
  [CSV_YEAR_FROM] = { NC_("CSV column", "year_from"), -1 },
  [CSV_YEAR_TO] = { NC_("CSV column", "year_to"), -1 },
  [CSV_TYPES] = { NC_("CSV column", "types"), MEASURES_FACET_TYPE },
  [CSV_FORMS] = { NC_("CSV column", "forms"), MEASURES_FACET_FORM },
};

/* The texts a record has in each language, each a column for each
 * language of the interface, "title_en", "title_ro", … */
static const char * const csv_texts[] = {
  NC_("CSV column", "title"), NC_("CSV column", "description"),
  NC_("CSV column", "source"), NC_("CSV column", "more_info"),
};
static const char * const csv_url = NC_("CSV column", "url");

/* The labels of one chunk's values, made once each (value → label). */
typedef struct
{
  MeasuresTranslations *translations; /* NULL in English: no labels */
  GHashTable *labels[MEASURES_N_FACETS];
} CsvLabels;

static const char *
csv_label (CsvLabels     *labels,
           MeasuresFacet  facet,
           const char    *value)
{
  char *label;

  if (labels->labels[facet] == NULL)
    labels->labels[facet] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  label = g_hash_table_lookup (labels->labels[facet], value);
  if (label == NULL)
    {
      label = measures_vocabulary_label_in (labels->translations, facet, value);
      g_hash_table_insert (labels->labels[facet], (gpointer) value, label);
    }

  return label;
}

static void
append_csv_labels (GString             *out,
                   CsvLabels           *labels,
                   MeasuresFacet        facet,
                   const char * const  *values)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; values[i] != NULL; i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? "; " : "", csv_label (labels, facet, values[i]));
  append_csv_cell (out, joined->str, FALSE);
}

/* The rows of measures @from to @to; @data is the translations of the
 * labels, or %NULL. */
static void
csv_rows (GPtrArray *measures,
          guint      from,
          guint      to,
          GString   *out,
          gpointer   data)
{
  const char * const *langs = measures_languages_get_codes ();
  CsvLabels labels = { data, { NULL, } };
  gboolean labelled = labels.translations != NULL;

  for (guint i = from; i < to; i++)
    {
      MeasuresMeasure *m = g_ptr_array_index (measures, i);
      const char *country = measures_measure_get_country (m);
      const char *region = measures_measure_get_region (m);
      g_autofree char *year_from = NULL;
      g_autofree char *year_to = NULL;
      g_autofree char *types = g_strjoinv ("; ", (char **) measures_measure_get_types (m));
      g_autofree char *forms = g_strjoinv ("; ", (char **) measures_measure_get_forms (m));
      MeasuresLocalized *texts[] = {
        measures_measure_get_title (m), measures_measure_get_description (m),
        measures_measure_get_source (m), measures_measure_get_more_info (m),
      };

      if (measures_measure_get_year_from (m) != MEASURES_YEAR_NONE)
        year_from = g_strdup_printf ("%d", measures_measure_get_year_from (m));
      if (measures_measure_get_year_to (m) != MEASURES_YEAR_NONE)
        year_to = g_strdup_printf ("%d", measures_measure_get_year_to (m));

      append_csv_cell (out, measures_measure_get_id (m), TRUE);
      if (labelled)
        append_csv_cell (out, country != NULL ? csv_label (&labels, MEASURES_FACET_COUNTRY, country) : NULL, FALSE);
      append_csv_cell (out, country, FALSE);
      if (labelled)
        append_csv_cell (out, region != NULL ? csv_label (&labels, MEASURES_FACET_REGION, region) : NULL, FALSE);
      append_csv_cell (out, region, FALSE);
      append_csv_cell (out, year_from, FALSE);
      append_csv_cell (out, year_to, FALSE);
      if (labelled)
        append_csv_labels (out, &labels, MEASURES_FACET_TYPE, measures_measure_get_types (m));
      append_csv_cell (out, types, FALSE);
      if (labelled)
        append_csv_labels (out, &labels, MEASURES_FACET_FORM, measures_measure_get_forms (m));
      append_csv_cell (out, forms, FALSE);
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        for (guint l = 0; langs[l] != NULL; l++)
          append_csv_cell (out, csv_localized (texts[t], langs[l]), FALSE);
      append_csv_cell (out, measures_measure_get_url (m), FALSE);
      g_string_append (out, "\r\n");
    }

  for (guint f = 0; f < MEASURES_N_FACETS; f++)
    g_clear_pointer (&labels.labels[f], g_hash_table_unref);
}

/* @text, a record json-glib wrote at the top, as it writes it two
 * levels deeper: four more spaces at the start of each line, and in each
 * empty object, which json-glib 1.6 writes on one line with the indent
 * of its depth inside ("{    }"). Texts are skipped, escapes and all. */
static void
append_deeper (GString    *out,
               const char *text,
               gsize       length)
{
  gboolean in_text = FALSE;

  g_string_append_len (out, "    ", 4);
  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      g_string_append_c (out, c);
      if (in_text)
        {
          if (c == '\\' && i + 1 < length)
            g_string_append_c (out, text[++i]);
          else if (c == '"')
            in_text = FALSE;
        }
      else if (c == '"')
        in_text = TRUE;
      else if (c == '\n' || (c == '{' && i + 1 < length && text[i + 1] == ' '))
        g_string_append_len (out, "    ", 4);
    }
}

/* The records of the measures from @from to @to, each after the comma
 * that follows the one before, as json-glib writes them as elements
 * of the document's "measures" array: indented two levels. */
static void
json_records (GPtrArray *measures,
              guint      from,
              guint      to,
              GString   *out,
              gpointer   data)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GString) record = g_string_sized_new (8192);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  for (guint i = from; i < to; i++)
    {
      g_autoptr(JsonNode) node = measures_measure_to_json (g_ptr_array_index (measures, i));
      const char *line = NULL;
      const char *end;

      json_generator_set_root (generator, node);
      g_string_truncate (record, 0);
      json_generator_to_gstring (generator, record);

      if (i > 0)
        g_string_append (out, ",\n");
      if (memmem (record->str, record->len, "{ ", 2) != NULL)
        {
          append_deeper (out, record->str, record->len);
          continue;
        }

      /* A text's line breaks are escaped, so each one here starts a
       * line of the record, which goes two levels in. */
      end = record->str + record->len;
      for (line = record->str; line < end;)
        {
          const char *next = memchr (line, '\n', end - line);
          const char *stop = next != NULL ? next + 1 : end;

          g_string_append_len (out, "    ", 4);
          g_string_append_len (out, line, stop - line);
          line = stop;
        }
    }
}

/* Making text chunk by chunk on both cores and writing it in order.
 *
 * Chunks are numbered; each thread takes the next to make, and the
 * caller's thread also writes the next chunk in order as soon as it is
 * made, so that the kernel's copying into the page cache overlaps the
 * making. At most WINDOW chunks are made and not yet written. */
#define CHUNK_RECORDS 256
#define WINDOW 4

typedef void (*ChunkFunc) (GPtrArray *measures,
                           guint      from,
                           guint      to,
                           GString   *out,
                           gpointer   data);

typedef struct
{
  GPtrArray *measures;
  ChunkFunc make;
  gpointer make_data;
  guint n_chunks;

  GMutex mutex;
  GCond cond;
  guint next_to_make;
  guint next_to_write;
  GString *made[WINDOW];
  gboolean stop;
} Chunks;

static GString *
make_chunk (Chunks *chunks,
            guint   k)
{
  guint from = k * CHUNK_RECORDS;
  guint to = MIN (from + CHUNK_RECORDS, chunks->measures->len);
  GString *out = g_string_sized_new ((gsize) (to - from) * 2560);

  chunks->make (chunks->measures, from, to, out, chunks->make_data);

  return out;
}

/* Claims the next chunk to make, if there is one and room for it;
 * under the lock. */
static gboolean
claim_chunk (Chunks *chunks,
             guint  *k)
{
  if (chunks->stop || chunks->next_to_make >= chunks->n_chunks ||
      chunks->next_to_make - chunks->next_to_write >= WINDOW)
    return FALSE;

  *k = chunks->next_to_make++;

  return TRUE;
}

static gpointer
chunks_thread (gpointer data)
{
  Chunks *chunks = data;
  guint k;

  g_mutex_lock (&chunks->mutex);
  while (!chunks->stop && chunks->next_to_make < chunks->n_chunks)
    {
      GString *out;

      if (!claim_chunk (chunks, &k))
        {
          g_cond_wait (&chunks->cond, &chunks->mutex);
          continue;
        }
      g_mutex_unlock (&chunks->mutex);
      out = make_chunk (chunks, k);
      g_mutex_lock (&chunks->mutex);
      chunks->made[k % WINDOW] = out;
      g_cond_broadcast (&chunks->cond);
    }
  g_mutex_unlock (&chunks->mutex);

  return NULL;
}

/* Writes what @make makes of every measure to @out, after @head and
 * before @tail, telling @progress after each chunk. */
static gboolean
write_chunks (GPtrArray               *measures,
              ChunkFunc                make,
              gpointer                 make_data,
              const char              *head,
              const char              *tail,
              GOutputStream           *out,
              MeasuresWriterProgress   progress,
              gpointer                 user_data,
              GCancellable            *cancellable,
              GError                 **error)
{
  Chunks chunks = { measures, make, make_data, (measures->len + CHUNK_RECORDS - 1) / CHUNK_RECORDS };
  GThread *thread = NULL;
  gboolean ok = TRUE;
  guint k;

  if (!g_output_stream_write_all (out, head, strlen (head), NULL, cancellable, error))
    return FALSE;

  g_mutex_init (&chunks.mutex);
  g_cond_init (&chunks.cond);
  if (chunks.n_chunks > 1)
    thread = g_thread_new ("measures-writer", chunks_thread, &chunks);

  g_mutex_lock (&chunks.mutex);
  while (ok && chunks.next_to_write < chunks.n_chunks)
    {
      GString *ready = chunks.made[chunks.next_to_write % WINDOW];

      if (ready != NULL)
        {
          guint done;

          chunks.made[chunks.next_to_write % WINDOW] = NULL;
          chunks.next_to_write++;
          done = MIN (chunks.next_to_write * CHUNK_RECORDS, measures->len);
          g_cond_broadcast (&chunks.cond);
          g_mutex_unlock (&chunks.mutex);

          ok = g_output_stream_write_all (out, ready->str, ready->len, NULL, cancellable, error);
          g_string_free (ready, TRUE);
          if (ok && progress != NULL)
            progress (done, measures->len, user_data);

          g_mutex_lock (&chunks.mutex);
        }
      else if (claim_chunk (&chunks, &k))
        {
          GString *made;

          g_mutex_unlock (&chunks.mutex);
          made = make_chunk (&chunks, k);
          g_mutex_lock (&chunks.mutex);
          chunks.made[k % WINDOW] = made;
        }
      else
        g_cond_wait (&chunks.cond, &chunks.mutex);
    }
  chunks.stop = TRUE;
  g_cond_broadcast (&chunks.cond);
  g_mutex_unlock (&chunks.mutex);

  if (thread != NULL)
    g_thread_join (thread);
  for (guint i = 0; i < WINDOW; i++)
    if (chunks.made[i] != NULL)
      g_string_free (chunks.made[i], TRUE);
  g_cond_clear (&chunks.cond);
  g_mutex_clear (&chunks.mutex);

  return ok && g_output_stream_write_all (out, tail, strlen (tail), NULL, cancellable, error);
}

/**
 * measures_writer_csv_to_stream:
 * @measures: (element-type MeasuresMeasure): the measures, in order
 * @lang: (nullable): the language of the headings and labels; %NULL
 *   or "en" for English, which has the stored values only
 * @out: where to write
 * @progress: (nullable) (scope call): told after each chunk of rows is
 *   written
 * @user_data: for @progress
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes UTF-8 CSV, one row per measure, one column per field (the texts
 * in each language of the table of languages in columns of their own),
 * as the rows are made. In a language other than English the headings
 * are in that language, and the labels of the countries, regions, types
 * and forms each come in a column before the column of the stored
 * values, which keeps its English heading.
 *
 * Returns: whether it was all written
 */
gboolean
measures_writer_csv_to_stream (GPtrArray               *measures,
                               const char              *lang,
                               GOutputStream           *out,
                               MeasuresWriterProgress   progress,
                               gpointer                 user_data,
                               GCancellable            *cancellable,
                               GError                 **error)
{
  const char * const *langs = measures_languages_get_codes ();
  g_autoptr(MeasuresTranslations) translations = NULL;
  g_autoptr(GString) head = g_string_new (NULL);

  /* Without the catalogue of @lang the file is the English one, as the
   * warning of the command line and the window says. */
  if (lang != NULL && !measures_language_is (lang, "en"))
    {
      g_autofree char *missing = measures_languages_dup_missing_catalogue (lang);

      if (missing == NULL)
        translations = measures_translations_new (lang);
    }

  for (guint i = 0; i < G_N_ELEMENTS (csv_fields); i++)
    {
      if (translations != NULL)
        append_csv_cell (head, measures_translations_get (translations, "CSV column", csv_fields[i].name), i == 0);
      if (translations == NULL || csv_fields[i].facet >= 0)
        append_csv_cell (head, csv_fields[i].name, i == 0 && translations == NULL);
    }
  for (guint t = 0; t < G_N_ELEMENTS (csv_texts); t++)
    for (guint l = 0; langs[l] != NULL; l++)
      {
        const char *name = translations != NULL ? measures_translations_get (translations, "CSV column", csv_texts[t])
                                                : csv_texts[t];
        g_autofree char *column = g_strdup_printf ("%s_%s", name, langs[l]);

        append_csv_cell (head, column, FALSE);
      }
  append_csv_cell (head, translations != NULL ? measures_translations_get (translations, "CSV column", csv_url)
                                              : csv_url, FALSE);
  g_string_append (head, "\r\n");

  return write_chunks (measures, csv_rows, translations, head->str, "", out, progress, user_data, cancellable, error);
}

/**
 * measures_writer_csv:
 * @lang: (nullable): as measures_writer_csv_to_stream() takes it
 *
 * Returns: (transfer full): what measures_writer_csv_to_stream() writes
 */
GBytes *
measures_writer_csv (GPtrArray  *measures,
                     const char *lang)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

  measures_writer_csv_to_stream (measures, lang, memory, NULL, NULL, NULL, NULL);

  return to_bytes (memory);
}

/**
 * measures_writer_json_to_stream:
 * @measures: (element-type MeasuresMeasure): the measures, in order
 * @out: where to write
 * @progress: (nullable) (scope call): told after each chunk of records
 *   is written
 * @user_data: for @progress
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes a measures-1 dataset as measures_measure_list_to_json() makes
 * it, byte for byte, record after record as they are made, without a
 * tree or a text of the whole.
 *
 * Returns: whether it was all written
 */
gboolean
measures_writer_json_to_stream (GPtrArray               *measures,
                                GOutputStream           *out,
                                MeasuresWriterProgress   progress,
                                gpointer                 user_data,
                                GCancellable            *cancellable,
                                GError                 **error)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonArray) records = json_array_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *document = NULL;
  g_autofree char *head = NULL;
  const char *tail;
  const char *placeholder;

  /* json-glib's document with one record, null, in its place: what
   * comes before it and after it are the head and the tail, with
   * json-glib's own indents and line breaks. An empty dataset is the
   * document as it writes it. */
  if (measures->len > 0)
    json_array_add_null_element (records);
  json_object_set_string_member (root, "format", MEASURES_FORMAT);
  json_object_set_array_member (root, "measures", g_steal_pointer (&records));
  node = json_node_init_object (json_node_alloc (), root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  document = json_generator_to_data (generator, NULL);

  if (measures->len == 0)
    return g_output_stream_write_all (out, document, strlen (document), NULL, cancellable, error);

  placeholder = strstr (document, "    null");
  g_return_val_if_fail (placeholder != NULL, FALSE);
  head = g_strndup (document, placeholder - document);
  tail = placeholder + strlen ("    null");

  return write_chunks (measures, json_records, NULL, head, tail, out, progress, user_data, cancellable, error);
}

/**
 * measures_writer_json:
 *
 * Returns: (transfer full): what measures_writer_json_to_stream() writes
 */
GBytes *
measures_writer_json (GPtrArray *measures)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

  measures_writer_json_to_stream (measures, memory, NULL, NULL, NULL, NULL);

  return to_bytes (memory);
}
