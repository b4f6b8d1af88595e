/* measures-writer-records.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-writer"

#include "config.h"

#include <string.h>

#include "measures-languages.h"
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

/* The texts a record has in each language, each a column for each
 * language of the interface, "title_en", "title_ro", … */
static const char * const csv_texts[] = { "title", "description", "source", "more_info" };

/* The rows of measures @from to @to. */
static void
csv_rows (GPtrArray *measures,
          guint      from,
          guint      to,
          GString   *out)
{
  const char * const *langs = measures_languages_get_codes ();

  for (guint i = from; i < to; i++)
    {
      MeasuresMeasure *m = g_ptr_array_index (measures, i);
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
      append_csv_cell (out, measures_measure_get_country (m), FALSE);
      append_csv_cell (out, measures_measure_get_region (m), FALSE);
      append_csv_cell (out, year_from, FALSE);
      append_csv_cell (out, year_to, FALSE);
      append_csv_cell (out, types, FALSE);
      append_csv_cell (out, forms, FALSE);
      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        for (guint l = 0; langs[l] != NULL; l++)
          append_csv_cell (out, csv_localized (texts[t], langs[l]), FALSE);
      append_csv_cell (out, measures_measure_get_url (m), FALSE);
      g_string_append (out, "\r\n");
    }
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
              GString   *out)
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
                           GString   *out);

typedef struct
{
  GPtrArray *measures;
  ChunkFunc make;
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

  chunks->make (chunks->measures, from, to, out);

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
              const char              *head,
              const char              *tail,
              GOutputStream           *out,
              MeasuresWriterProgress   progress,
              gpointer                 user_data,
              GCancellable            *cancellable,
              GError                 **error)
{
  Chunks chunks = { measures, make, (measures->len + CHUNK_RECORDS - 1) / CHUNK_RECORDS };
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
 * @out: where to write
 * @progress: (nullable) (scope call): told after each chunk of rows is
 *   written
 * @user_data: for @progress
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes UTF-8 CSV, one row per measure, one column per field (the texts
 * in each language of the table of languages in columns of their own),
 * as the rows are made.
 *
 * Returns: whether it was all written
 */
gboolean
measures_writer_csv_to_stream (GPtrArray               *measures,
                               GOutputStream           *out,
                               MeasuresWriterProgress   progress,
                               gpointer                 user_data,
                               GCancellable            *cancellable,
                               GError                 **error)
{
  static const char * const header[] = {
    "id", "country", "region", "year_from", "year_to", "types", "forms",
  };
  const char * const *langs = measures_languages_get_codes ();
  g_autoptr(GString) head = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    append_csv_cell (head, header[i], i == 0);
  for (guint t = 0; t < G_N_ELEMENTS (csv_texts); t++)
    for (guint l = 0; langs[l] != NULL; l++)
      {
        g_autofree char *column = g_strdup_printf ("%s_%s", csv_texts[t], langs[l]);

        append_csv_cell (head, column, FALSE);
      }
  append_csv_cell (head, "url", FALSE);
  g_string_append (head, "\r\n");

  return write_chunks (measures, csv_rows, head->str, "", out, progress, user_data, cancellable, error);
}

/**
 * measures_writer_csv:
 *
 * Returns: (transfer full): what measures_writer_csv_to_stream() writes
 */
GBytes *
measures_writer_csv (GPtrArray *measures)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

  measures_writer_csv_to_stream (measures, memory, NULL, NULL, NULL, NULL);

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

  return write_chunks (measures, json_records, head, tail, out, progress, user_data, cancellable, error);
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
