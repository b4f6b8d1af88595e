/* measures-loader.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-loader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>
#ifdef G_OS_UNIX
#include <sys/stat.h>
#endif

#include "measures-file.h"
#include "measures-cache.h"
#include "measures-error.h"
#include "measures-importer.h"
#include "measures-json-scan-private.h"
#include "measures-index-words-private.h"
#include "measures-loader.h"
#include "measures-measure-private.h"
#include "measures-record-reader-private.h"
#include "measures-store.h"

/* One limit, said to the loader's users and kept by its scan. */
G_STATIC_ASSERT (MEASURES_LOADER_MAX_DEPTH == MEASURES_JSON_SCAN_MAX_DEPTH);

#define BUNDLED_URI "resource://" RESOURCE_PREFIX "/measures.json"

/**
 * measures_loader_get_max_size:
 *
 * A dataset's records take most of the size of its file in memory, so a
 * file larger than the memory of the machine (see
 * measures_file_get_memory_size()) cannot be loaded, and is refused
 * before it is read.
 *
 * Returns: the largest file the loader reads, in bytes
 */
guint64
measures_loader_get_max_size (void)
{
  return measures_file_get_memory_size ();
}

/**
 * measures_loader_get_bundled_file:
 *
 * Returns: (transfer full): the dataset that ships with Measures, which
 *   lives in the application's resources
 */
GFile *
measures_loader_get_bundled_file (void)
{
  return g_file_new_for_uri (BUNDLED_URI);
}

static char *
display_name_for_file (GFile *file)
{
  if (g_file_has_uri_scheme (file, "resource"))
    return g_strdup (_("Bundled measures"));

  return g_file_get_parse_name (file);
}

/* The part of the whole load one file stands for, in thousandths, and
 * what tells it to stop: a large file is parsed for seconds, and Cancel
 * must not wait for its end. */
typedef struct
{
  gint *value;
  int from;
  int to;
  GCancellable *cancellable;
} Progress;

static gboolean
progress_cancelled (const Progress *progress)
{
  return progress != NULL && g_cancellable_is_cancelled (progress->cancellable);
}

static void
progress_at (const Progress *progress,
             guint           done,
             guint           total)
{
  if (progress != NULL && progress->value != NULL && total > 0)
    g_atomic_int_set (progress->value,
                      progress->from + (int) ((gint64) (progress->to - progress->from) * done / total));
}

static const char *
describe_read_error (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return _("the file does not exist");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return _("this is a folder, not a file");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return _("you do not have permission to read the file");
  /* Put in place of a file after its type was checked. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
    return _("this is not a regular file");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    return _("the file grew larger than the limit while it was read");

  return error->message;
}

/* What a file that is not a file is. */
static const char *
describe_special (GFileInfo *info)
{
#ifdef G_OS_UNIX
  guint32 mode = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE);

  if (S_ISFIFO (mode))
    return _("this is a named pipe, not a file");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("this is a device, not a file");
  if (S_ISSOCK (mode))
    return _("this is a socket, not a file");
#endif

  return _("this is not a regular file");
}

static void
add_problem (MeasuresDataset        *dataset,
             const MeasuresJsonScan *scan,
             guint                   index,
             const char             *id,
             const char             *message)
{
  MeasuresProblem *problem = measures_problem_new (measures_dataset_get_name (dataset), index, id, message);

  problem->line = _measures_json_scan_record_line (scan, index, &problem->column);
  measures_dataset_add_problem (dataset, problem);
}

static void
add_outside_problems (MeasuresDataset        *dataset,
                      const MeasuresJsonScan *scan)
{
  for (guint i = 0; i < scan->outside->len; i++)
    {
      const MeasuresProblem *outside = g_ptr_array_index (scan->outside, i);
      MeasuresProblem *problem = measures_problem_new (measures_dataset_get_name (dataset), 0, NULL,
                                                       outside->message);

      problem->line = outside->line;
      problem->column = outside->column;
      measures_dataset_add_problem (dataset, problem);
    }
}

/* The id of a record that could not be read, to name it in messages,
 * when it has a usable one. */
static const char *
record_id (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "id");
  const char *id;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  id = json_node_get_string (node);

  return g_utf8_validate (id, -1, NULL) ? id : NULL;
}

static void
add_record (MeasuresDataset        *dataset,
            const MeasuresJsonScan *scan,
            JsonNode               *node,
            guint                   index)
{
  g_autoptr(MeasuresMeasure) measure = NULL;
  g_autoptr(GError) error = NULL;
  const char *bad;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_problem (dataset, scan, index, NULL, _("a record must be an object"));
      return;
    }

  if ((bad = g_hash_table_lookup (scan->bad_records, GUINT_TO_POINTER (index))) != NULL)
    {
      add_problem (dataset, scan, index, record_id (json_node_get_object (node)), bad);
      return;
    }

  measure = measures_measure_new_from_json (json_node_get_object (node), &error);
  if (measure == NULL)
    {
      add_problem (dataset, scan, index, record_id (json_node_get_object (node)), error->message);
      return;
    }

  {
    guint column;
    guint line = _measures_json_scan_record_line (scan, index, &column);

    measures_dataset_add_measure (dataset, measure, index, line);
  }
}

static JsonArray *
find_records (JsonNode  *root,
              GError   **error)
{
  JsonObject *object;
  JsonNode *format;
  JsonNode *records;

  if (JSON_NODE_HOLDS_ARRAY (root))
    return json_node_get_array (root);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, MEASURES_ERROR, MEASURES_ERROR_INVALID_JSON,
                           _("the file must hold a list of measures or an object with “measures”"));
      return NULL;
    }

  object = json_node_get_object (root);
  format = json_object_get_member (object, "format");
  if (format != NULL &&
      (!JSON_NODE_HOLDS_VALUE (format) ||
       json_node_get_value_type (format) != G_TYPE_STRING ||
       !g_str_equal (json_node_get_string (format), MEASURES_FORMAT)))
    {
      g_set_error (error, MEASURES_ERROR, MEASURES_ERROR_INVALID_JSON,
                   /* Translators: %s is the name of the supported format */
                   _("the file is in a format other than “%s”"), MEASURES_FORMAT);
      return NULL;
    }

  records = json_object_get_member (object, "measures");
  if (records == NULL || !JSON_NODE_HOLDS_ARRAY (records))
    {
      g_set_error_literal (error, MEASURES_ERROR, MEASURES_ERROR_INVALID_JSON,
                           _("the file must hold a list of measures or an object with “measures”"));
      return NULL;
    }

  return json_node_get_array (records);
}

/* What reading one record gave. */
typedef struct
{
  MeasuresMeasure *measure;
  char *id;                 /* of a record that could not be read */
  char *problem;
} Outcome;

typedef struct
{
  const char *data;
  const MeasuresJsonScan *scan;
  Outcome *outcomes;
  gint next_chunk;
  gint done;
  gint failed;              /* a record is not valid JSON on its own */
  gint cancelled;
  gboolean mapped;          /* @data maps a file: give back what was read */
  const Progress *progress;
} Parallel;

#define CHUNK 256

static gpointer
parse_records (gpointer user_data)
{
  Parallel *job = user_data;
  guint n = job->scan->record_starts->len;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(MeasuresStrings) strings = measures_strings_new (256 * 1024);
  g_autoptr(MeasuresWords) words = measures_words_new ();
  g_autoptr(MeasuresRecordReader) reader = _measures_record_reader_new ();

  for (;;)
    {
      guint first = (guint) g_atomic_int_add (&job->next_chunk, 1) * CHUNK;

      if (first >= n || g_atomic_int_get (&job->failed) || g_atomic_int_get (&job->cancelled))
        break;
      if (progress_cancelled (job->progress))
        {
          g_atomic_int_set (&job->cancelled, TRUE);
          break;
        }

      for (guint i = first; i < MIN (first + CHUNK, n); i++)
        {
          gsize start = g_array_index (job->scan->record_starts, gsize, i);
          gsize end = g_array_index (job->scan->record_ends, gsize, i);
          Outcome *outcome = &job->outcomes[i];
          g_autoptr(GError) error = NULL;
          JsonObject *object;
          const char *bad = g_hash_table_lookup (job->scan->bad_records, GUINT_TO_POINTER (i + 1));

          /* A plain record is read straight into a measure; json-glib
           * reads the others, for their messages. */
          if (bad == NULL &&
              (outcome->measure = _measures_record_reader_read (reader, job->data + start, end - start,
                                                                strings)) != NULL)
            {
              measures_measure_index_words (outcome->measure, words);
              continue;
            }

          if (!json_parser_load_from_data (parser, job->data + start, end - start, NULL) ||
              !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
            {
              g_atomic_int_set (&job->failed, TRUE);
              break;
            }

          object = json_node_get_object (json_parser_get_root (parser));
          if (bad != NULL)
            {
              outcome->id = g_strdup (record_id (object));
              outcome->problem = g_strdup (bad);
              continue;
            }

          outcome->measure = measures_measure_new_from_json_in (object, strings, &error);
          if (outcome->measure == NULL)
            {
              outcome->id = g_strdup (record_id (object));
              outcome->problem = g_strdup (error->message);
              continue;
            }

          measures_measure_index_words (outcome->measure, words);
        }

      if (job->mapped && first < n)
        {
          gsize from = g_array_index (job->scan->record_starts, gsize, first);
          gsize to = g_array_index (job->scan->record_ends, gsize, MIN (first + CHUNK, n) - 1);

          measures_file_release (job->data + from, to - from);
        }

      progress_at (job->progress,
                   4 * n + 6 * (guint) g_atomic_int_add (&job->done, CHUNK),
                   10 * n);
    }

  measures_words_freeze (words);

  return NULL;
}

/* Parses each record of a simple file on its own, on every core, so that
 * no tree of the whole file is ever built. Returns %FALSE, having added
 * nothing, when a record is not valid JSON on its own: the caller then
 * reads the file whole to say where. A cancelled load adds nothing and
 * returns %TRUE: its dataset is not used. */
static gboolean
load_records_apart (MeasuresDataset        *dataset,
                    const char             *data,
                    gsize                   length,
                    gboolean                mapped,
                    const MeasuresJsonScan *scan,
                    const Progress         *progress)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GString) envelope = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint n = scan->record_starts->len;
  guint n_threads = CLAMP (g_get_num_processors (), 1, 8);
  g_autofree Outcome *outcomes = NULL;
  GThread *threads[8];
  Parallel job = { 0, };

  /* Everything but the records must still be right: the format, and
   * “measures” being there. */
  if (!scan->root_is_array)
    {
      g_string_append_len (envelope, data, scan->records_start);
      g_string_append (envelope, "[]");
      g_string_append_len (envelope, data + scan->records_end, length - scan->records_end);
      if (!json_parser_load_from_data (parser, envelope->str, envelope->len, NULL) ||
          json_parser_get_root (parser) == NULL ||
          find_records (json_parser_get_root (parser), &error) == NULL)
        return FALSE;
    }

  outcomes = g_new0 (Outcome, MAX (n, 1));
  job.data = data;
  job.scan = scan;
  job.outcomes = outcomes;
  job.mapped = mapped;
  job.progress = progress;

  n_threads = MIN (n_threads, (n + CHUNK - 1) / CHUNK);
  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("measures-parse", parse_records, &job);
  parse_records (&job);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);

  if (job.failed || job.cancelled)
    {
      for (guint i = 0; i < n; i++)
        {
          g_clear_object (&outcomes[i].measure);
          g_free (outcomes[i].id);
          g_free (outcomes[i].problem);
        }
      return job.cancelled;
    }

  for (guint i = 0; i < n; i++)
    {
      if (outcomes[i].measure != NULL)
        {
          guint column;
          guint line = _measures_json_scan_record_line (scan, i + 1, &column);

          measures_dataset_add_measure (dataset, outcomes[i].measure, i + 1, line);
          g_object_unref (outcomes[i].measure);
        }
      else
        add_problem (dataset, scan, i + 1, outcomes[i].id, outcomes[i].problem);
      g_free (outcomes[i].id);
      g_free (outcomes[i].problem);
    }

  return TRUE;
}

/**
 * measures_loader_load_bytes:
 * @bytes: the contents of a dataset file
 * @file: (nullable): where they come from
 * @name: the name to show for the dataset in messages
 *
 * Reads a measures-1 dataset. Records that cannot be read are skipped
 * and reported as problems; a file that cannot be read at all gives a
 * dataset with an error and no measures.
 *
 * Returns: (transfer full): the dataset
 */
static MeasuresDataset *load_bytes (GBytes         *bytes,
                                    gboolean        mapped,
                                    MeasuresFingerprint *fingerprint,
                                    GFile          *file,
                                    const char     *name,
                                    const Progress *progress);

MeasuresDataset *
measures_loader_load_bytes (GBytes     *bytes,
                            GFile      *file,
                            const char *name)
{
  return load_bytes (bytes, FALSE, NULL, file, name, NULL);
}

static MeasuresDataset *read_bytes (GBytes *bytes, gboolean mapped, MeasuresFingerprint *fingerprint,
                                    GFile *file, const char *name, const Progress *progress);

/* Reads a dataset, then makes the word index its records share from the
 * words each kept, and lets those go. */
static MeasuresDataset *
load_bytes (GBytes              *bytes,
            gboolean             mapped,
            MeasuresFingerprint *fingerprint,
            GFile               *file,
            const char          *name,
            const Progress      *progress)
{
  MeasuresDataset *dataset = read_bytes (bytes, mapped, fingerprint, file, name, progress);
  GPtrArray *measures = measures_dataset_get_measures (dataset);

  if (measures->len > 0 && !progress_cancelled (progress))
    {
      g_autoptr(MeasuresWordIndex) words = _measures_word_index_new_for_measures (measures);

      for (guint i = 0; i < measures->len; i++)
        _measures_measure_set_word_index (g_ptr_array_index (measures, i), _measures_word_index_ref (words),
                                          (GDestroyNotify) _measures_word_index_unref, i);
    }

  return dataset;
}

/* Reading a file is a tenth of its share, parsing a third, building its
 * records the rest. @mapped says that @bytes map a file, whose pages are
 * given back to the kernel once read, so that a large file never takes
 * its size in memory. @fingerprint, when given, gets every byte of a
 * file that is text. */
static MeasuresDataset *
read_bytes (GBytes              *bytes,
            gboolean             mapped,
            MeasuresFingerprint *fingerprint,
            GFile               *file,
            const char          *name,
            const Progress      *progress)
{
  g_autoptr(MeasuresDataset) dataset = measures_dataset_new (file, name);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *patched = NULL;
  JsonArray *records;
  const char *data;
  const char *start;
  const char *bad_utf8;
  gsize length;
  MeasuresJsonScan scan;

  g_return_val_if_fail (bytes != NULL, NULL);

  /* Empty bytes may have no data at all, and NULL + 0 is undefined. */
  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";

  /* A byte-order mark, which Windows editors write, is not part of the
   * text: lines and columns count from after it. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      if (fingerprint != NULL)
        measures_fingerprint_update (fingerprint, data, 3);
      data += 3;
      length -= 3;
    }

  start = data;
  while (start < data + length && g_ascii_isspace (*start))
    start++;

  if (start == data + length)
    {
      measures_dataset_take_error (dataset,
                                   g_error_new_literal (MEASURES_ERROR, MEASURES_ERROR_INVALID_JSON,
                                                        _("the file is empty")));
      return g_steal_pointer (&dataset);
    }

  if (memchr (data, '\0', MIN (length, 65536)) != NULL)
    {
      measures_dataset_take_error (dataset,
                                   g_error_new_literal (MEASURES_ERROR, MEASURES_ERROR_UNREADABLE,
                                                        _("this is a binary file, not a dataset")));
      return g_steal_pointer (&dataset);
    }

  if (!_measures_json_scan_validate (data, length, mapped, fingerprint, &bad_utf8))
    {
      guint line = 1;

      for (const char *p = data; p < bad_utf8; p++)
        line += *p == '\n';
      measures_dataset_take_error (dataset,
                                   g_error_new (MEASURES_ERROR, MEASURES_ERROR_UNREADABLE,
                                                /* Translators: %u is a line number */
                                                _("the file is not UTF-8 text (line %u)"), line));
      return g_steal_pointer (&dataset);
    }

  /* Records copied from the Global Database as text. */
  if (*start != '{' && *start != '[')
    {
      g_autoptr(JsonParser) probe = json_parser_new_immutable ();

      g_clear_object (&dataset);
      dataset = measures_importer_load_text (data, length, file, name);
      if (measures_dataset_get_n_measures (dataset) > 0 || measures_dataset_get_error (dataset) == NULL)
        return g_steal_pointer (&dataset);

      _measures_json_scan (data, length, &scan);

      /* A comment before the data, which editors of JSON with comments
       * leave: say that JSON has none. */
      if (scan.stop == MEASURES_JSON_STOP_COMMENT && scan.stop_offset == (gsize) (start - data))
        measures_dataset_take_error (dataset, _measures_json_scan_stop_error (&scan));
      /* A JSON value and more, nested too deep to be parsed. */
      else if (scan.too_deep && strchr ("\"-0123456789", *start) != NULL)
        measures_dataset_take_error (dataset, _measures_json_scan_too_deep_error (&scan));
      /* Valid JSON, but not a list of records: say so. */
      else if (scan.stop == MEASURES_JSON_STOP_NONE && !scan.too_deep &&
               json_parser_load_from_data (probe, data, length, NULL))
        measures_dataset_take_error (dataset,
                                     g_error_new_literal (MEASURES_ERROR, MEASURES_ERROR_INVALID_JSON,
                                                          _("the file must hold a list of measures or an object with “measures”")));

      _measures_json_scan_clear (&scan);
      return g_steal_pointer (&dataset);
    }

  if (mapped)
    _measures_json_scan_releasing (data, length, &scan);
  else
    _measures_json_scan (data, length, &scan);

  if (progress_cancelled (progress))
    {
      _measures_json_scan_clear (&scan);
      return g_steal_pointer (&dataset);
    }

  if (scan.stop != MEASURES_JSON_STOP_NONE)
    {
      measures_dataset_take_error (dataset, _measures_json_scan_stop_error (&scan));
      _measures_json_scan_clear (&scan);
      return g_steal_pointer (&dataset);
    }

  if (scan.too_deep)
    {
      measures_dataset_take_error (dataset, _measures_json_scan_too_deep_error (&scan));
      _measures_json_scan_clear (&scan);
      return g_steal_pointer (&dataset);
    }

  if (scan.escape_error != NULL)
    {
      measures_dataset_take_error (dataset, g_steal_pointer (&scan.escape_error));
      _measures_json_scan_clear (&scan);
      return g_steal_pointer (&dataset);
    }

  /* json-glib cuts a text at \u0000 and fails on, or makes invalid UTF-8
   * of, half a surrogate pair. What holds them is refused or ignored, so
   * json-glib is given U+FFFD in their place: what it reads is then what
   * the scan saw, at the same lines and columns. */
  if (scan.bad_escapes->len > 0)
    {
      patched = g_memdup2 (data, length);
      for (guint i = 0; i < scan.bad_escapes->len; i++)
        memcpy (patched + g_array_index (scan.bad_escapes, gsize, i) + 2, "FFFD", 4);
      data = patched;
      mapped = FALSE;
    }

  progress_at (progress, 1, 10);
  if (scan.simple && load_records_apart (dataset, data, length, mapped, &scan, progress))
    {
      add_outside_problems (dataset, &scan);
      _measures_json_scan_clear (&scan);
      return g_steal_pointer (&dataset);
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &error))
    {
      measures_dataset_take_error (dataset, _measures_json_scan_parse_error (error));
      _measures_json_scan_clear (&scan);
      return g_steal_pointer (&dataset);
    }

  if (scan.trailing_line > 0)
    {
      measures_dataset_take_error (dataset, _measures_json_scan_trailing_error (&scan));
      _measures_json_scan_clear (&scan);
      return g_steal_pointer (&dataset);
    }

  if (json_parser_get_root (parser) == NULL)
    {
      measures_dataset_take_error (dataset,
                                   g_error_new_literal (MEASURES_ERROR, MEASURES_ERROR_INVALID_JSON,
                                                        _("the file is empty")));
      _measures_json_scan_clear (&scan);
      return g_steal_pointer (&dataset);
    }

  records = find_records (json_parser_get_root (parser), &error);
  if (records == NULL)
    {
      measures_dataset_take_error (dataset, g_steal_pointer (&error));
      _measures_json_scan_clear (&scan);
      return g_steal_pointer (&dataset);
    }

  progress_at (progress, 4, 10);
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      add_record (dataset, &scan, json_array_get_element (records, i), i + 1);
      if (i % 1024 == 0)
        {
          if (progress_cancelled (progress))
            break;
          progress_at (progress, 4 * json_array_get_length (records) + 6 * i,
                       10 * json_array_get_length (records));
        }
    }

  add_outside_problems (dataset, &scan);
  _measures_json_scan_clear (&scan);

  return g_steal_pointer (&dataset);
}

/* As load_bytes(), for a file that measures_file_map() mapped: another
 * program may cut it short or write to it meanwhile (what was read past
 * its new end read as zeros); the records read are then thrown away. */
static MeasuresDataset *
load_mapped (GBytes              *bytes,
             gboolean             mapped,
             MeasuresFingerprint *fingerprint,
             GFile               *file,
             const char          *name,
             const Progress      *progress)
{
  MeasuresDataset *dataset = load_bytes (bytes, mapped, fingerprint, file, name, progress);

  if (mapped && !measures_file_map_is_unchanged (bytes))
    {
      g_object_unref (dataset);
      dataset = measures_dataset_new (file, name);
      measures_dataset_take_error (dataset,
                                   g_error_new_literal (MEASURES_ERROR, MEASURES_ERROR_UNREADABLE,
                                                        _("another program changed or cut short the file while it was read; open it again once it is written")));
    }

  return dataset;
}

typedef struct
{
  GFile *file;
  GCancellable *cancellable;
  guint64 fingerprint;
  guint64 size;
  gboolean ok;
} Fingerprinting;

static gpointer
fingerprint_thread (gpointer data)
{
  Fingerprinting *job = data;

  job->ok = measures_cache_fingerprint_file (job->file, job->cancellable, &job->fingerprint, &job->size, NULL);

  return NULL;
}

/**
 * measures_loader_load_file:
 * @file: a dataset file
 * @cancellable: (nullable): a cancellable
 *
 * Reads @file synchronously; call it from a thread. See
 * measures_loader_load_bytes().
 *
 * Returns: (transfer full): the dataset
 */
static MeasuresDataset *load_file (GFile          *file,
                                   GCancellable   *cancellable,
                                   const Progress *progress);

MeasuresDataset *
measures_loader_load_file (GFile        *file,
                           GCancellable *cancellable)
{
  Progress none = { NULL, 0, 0, cancellable };

  return load_file (file, cancellable, &none);
}

static MeasuresDataset *
load_file (GFile          *file,
           GCancellable   *cancellable,
           const Progress *progress)
{
  g_autofree char *name = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) cache = NULL;
  g_autoptr(GFileInfo) info = NULL;
  MeasuresDataset *dataset;
  MeasuresCacheKey key = { NULL, };
  MeasuresFingerprint fingerprint;
  gboolean mapped = FALSE;
  gint64 load_start = g_get_monotonic_time ();

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = display_name_for_file (file);

  /* Too large to be a dataset, or not a file at all: refuse before
   * reading it. A FIFO would block the read until a writer came, and a
   * device such as /dev/zero would be read until memory ran out. */
  {
    info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                              G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC ","
                              G_FILE_ATTRIBUTE_UNIX_MODE,
                              G_FILE_QUERY_INFO_NONE, cancellable, NULL);

    if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
      {
        dataset = measures_dataset_new (file, name);
        measures_dataset_take_error (dataset,
                                     g_error_new_literal (MEASURES_ERROR, MEASURES_ERROR_UNREADABLE,
                                                          describe_special (info)));
        return dataset;
      }

    if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
        (guint64) g_file_info_get_size (info) > measures_loader_get_max_size ())
      {
        g_autofree char *size = measures_format_byte_count (g_file_info_get_size (info));
        g_autofree char *memory = measures_format_byte_count (measures_loader_get_max_size ());

        dataset = measures_dataset_new (file, name);
        measures_dataset_take_error (dataset,
                                     g_error_new (MEASURES_ERROR, MEASURES_ERROR_UNREADABLE,
                                                  /* Translators: sizes in bytes, such as
                                                   * “1,073,742,514” */
                                                  _("the file is too large (%s bytes; this computer has %s bytes of memory)"),
                                                  size, memory));
        return dataset;
      }
  }

  /* A local file read before has a cache: use it if it still stands for
   * the file, which takes reading the file but not parsing it. */
  if (measures_cache_is_enabled () && g_file_peek_path (file) != NULL && info != NULL &&
      g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
    {
      uri = g_file_get_uri (file);
      key.uri = uri;
      key.mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC +
                  g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
      cache = measures_cache_get_file (file);

      if (g_file_query_exists (cache, cancellable))
        {
          /* The file's fingerprint is made on the other core meanwhile. */
          Fingerprinting job = { file, cancellable, 0, 0, FALSE };
          GThread *thread = g_thread_new ("measures-fingerprint", fingerprint_thread, &job);

          key.size = g_file_info_get_size (info);
          key.any_fingerprint = TRUE;
          dataset = measures_cache_read (cache, file, name, &key, &error);
          g_thread_join (thread);
          key.any_fingerprint = FALSE;

          if (dataset != NULL && job.ok && job.size == key.size && job.fingerprint == key.fingerprint)
            {
              g_debug ("Read %s from its cache", name);
              progress_at (progress, 1, 1);
              return dataset;
            }
          g_debug ("%s: %s", name, error != NULL ? error->message : "the file has changed");
          g_clear_error (&error);
          g_clear_object (&dataset);
        }
    }

  if ((bytes = measures_file_map (file, measures_loader_get_max_size (), cancellable, &mapped, &error)) == NULL)
    {
      dataset = measures_dataset_new (file, name);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        measures_dataset_take_error (dataset, g_steal_pointer (&error));
      else
        measures_dataset_take_error (dataset,
                                     g_error_new_literal (MEASURES_ERROR, MEASURES_ERROR_UNREADABLE,
                                                          describe_read_error (error)));
      return dataset;
    }

  measures_fingerprint_init (&fingerprint);
  dataset = load_mapped (bytes, mapped, cache != NULL ? &fingerprint : NULL, file, name, progress);
  key.size = g_bytes_get_size (bytes);
  key.fingerprint = measures_fingerprint_end (&fingerprint);

  /* Only a dataset read whole is kept: problems are read afresh each time,
   * so that their messages follow the language. A cancelled load is not
   * read whole. */
  if (cache != NULL && !g_cancellable_is_cancelled (cancellable) &&
      measures_dataset_get_error (dataset) == NULL &&
      measures_dataset_get_problems (dataset)->len == 0 &&
      measures_dataset_get_n_measures (dataset) > 0)
    {
      gint64 start = g_get_monotonic_time ();

      g_clear_pointer (&bytes, g_bytes_unref);
      g_debug ("Read %s in %.1f ms", name, (start - load_start) / 1000.0);
      if (!measures_cache_write (cache, dataset, &key, &error))
        g_debug ("Cannot write the cache of %s: %s", name, error->message);
      else
        {
          /* The records as the cache has them take a third of the memory:
           * their text stays in the page cache until it is shown. The
           * records read from JSON go first, so that both are never in
           * memory at once; in the unlikely case that the cache cannot be
           * read back, the file is read again. */
          MeasuresDataset *cached;

          g_debug ("Wrote its cache in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
          g_clear_object (&dataset);
#ifdef __GLIBC__
          malloc_trim (0);
#endif
          start = g_get_monotonic_time ();
          cached = measures_cache_read (cache, file, name, &key, &error);
          g_debug ("Read it back in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);

          if (cached != NULL)
            return cached;

          /* Another process may have replaced it meanwhile. */
          g_debug ("Cannot read back the cache of %s: %s", name, error->message);
          g_clear_error (&error);
          if ((bytes = measures_file_map (file, measures_loader_get_max_size (), cancellable, &mapped,
                                          &error)) == NULL)
            {
              dataset = measures_dataset_new (file, name);
              measures_dataset_take_error (dataset,
                                           g_error_new_literal (MEASURES_ERROR, MEASURES_ERROR_UNREADABLE,
                                                                describe_read_error (error)));
              return dataset;
            }
          dataset = load_mapped (bytes, mapped, NULL, file, name, progress);
        }
    }

  return dataset;
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *x = g_file_get_basename (*(GFile * const *) a);
  g_autofree char *y = g_file_get_basename (*(GFile * const *) b);

  return g_utf8_collate (x, y);
}

/* A folder stands for the .json and .txt files in it, by name; anything
 * else is the file itself. */
static GPtrArray *
expand_folder (GFile        *file,
               GCancellable *cancellable,
               gboolean     *is_folder)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  *is_folder = FALSE;

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_DIRECTORY ||
      (children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                             G_FILE_QUERY_INFO_NONE, cancellable, NULL)) == NULL)
    {
      g_ptr_array_add (files, g_object_ref (file));
      return files;
    }

  *is_folder = TRUE;
  while ((info = g_file_enumerator_next_file (children, cancellable, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
          (g_str_has_suffix (name, ".json") || g_str_has_suffix (name, ".txt")))
        g_ptr_array_add (files, g_file_get_child (file, name));
      g_object_unref (info);
    }

  g_ptr_array_sort (files, compare_files);

  return files;
}

void
measures_catalog_free (MeasuresCatalog *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->datasets, g_ptr_array_unref);
  g_clear_pointer (&self->measures, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_object (&self->index);
  g_free (self);
}

/**
 * measures_loader_load_catalog:
 * @files: (array length=n_files): dataset files; none means the
 *   bundled dataset
 * @n_files: the number of files
 * @cancellable: (nullable): a cancellable
 *
 * Loads each file in order, merges their measures and indexes them.
 * This blocks: call it from a thread, or from the command line.
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL if
 *   cancelled
 */
MeasuresCatalog *
measures_loader_load_catalog (GFile * const *files,
                              guint          n_files,
                              GCancellable  *cancellable)
{
  return measures_loader_load_catalog_with_progress (files, n_files, cancellable, NULL);
}

static void
set_progress (gint  *progress,
              guint  done,
              guint  total)
{
  if (progress != NULL && total > 0)
    g_atomic_int_set (progress, (gint) ((guint64) done * 1000 / total));
}

/**
 * measures_loader_load_catalog_with_progress:
 * @progress: (nullable): where to keep, atomically, how far loading has
 *   come, in thousandths; another thread may read it
 *
 * As measures_loader_load_catalog().
 */
MeasuresCatalog *
measures_loader_load_catalog_with_progress (GFile * const *files,
                                            guint          n_files,
                                            GCancellable  *cancellable,
                                            gint          *progress)
{
  g_autoptr(MeasuresCatalog) catalog = g_new0 (MeasuresCatalog, 1);
  g_autoptr(GFile) bundled = NULL;
  gint64 start = g_get_monotonic_time ();

  if (n_files == 0)
    {
      bundled = measures_loader_get_bundled_file ();
      files = &bundled;
      n_files = 1;
    }

  catalog->datasets = g_ptr_array_new_with_free_func (g_object_unref);
  catalog->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) measures_problem_free);

  for (guint i = 0; i < n_files; i++)
    {
      gboolean is_folder;
      g_autoptr(GPtrArray) expanded = expand_folder (files[i], cancellable, &is_folder);

      /* Nothing to read is a problem too, named with the folder. */
      if (is_folder && expanded->len == 0)
        {
          g_autofree char *name = display_name_for_file (files[i]);
          MeasuresDataset *empty = measures_dataset_new (files[i], name);

          measures_dataset_take_error (empty,
                                       g_error_new_literal (MEASURES_ERROR, MEASURES_ERROR_UNREADABLE,
                                                            _("the folder holds no datasets (.json or .txt files)")));
          g_ptr_array_add (catalog->datasets, empty);
          continue;
        }

      for (guint k = 0; k < expanded->len; k++)
        {
          /* Files are most of the work; the index the last tenth. */
          Progress part = {
            progress,
            (int) ((900 * i + 900 * k / MAX (expanded->len, 1)) / n_files),
            (int) ((900 * i + 900 * (k + 1) / MAX (expanded->len, 1)) / n_files),
            cancellable,
          };

          if (g_cancellable_is_cancelled (cancellable))
            return NULL;

          g_ptr_array_add (catalog->datasets, load_file (g_ptr_array_index (expanded, k), cancellable, &part));
        }
    }

  catalog->measures = measures_datasets_merge (catalog->datasets, catalog->problems);
  g_debug ("Read %u measures in %.1f ms", catalog->measures->len,
           (g_get_monotonic_time () - start) / 1000.0);

  if (g_cancellable_is_cancelled (cancellable))
    return NULL;

  start = g_get_monotonic_time ();
  catalog->index = measures_index_new (catalog->measures);
  set_progress (progress, 1, 1);
  g_debug ("Indexed them in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);

  return g_steal_pointer (&catalog);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GPtrArray *files = task_data;
  MeasuresCatalog *catalog;
  gint *progress = g_object_get_data (G_OBJECT (task), "progress");

  catalog = measures_loader_load_catalog_with_progress ((GFile * const *) files->pdata, files->len,
                                                        cancellable, progress);

  if (g_task_return_error_if_cancelled (task))
    {
      measures_catalog_free (catalog);
      return;
    }

  g_task_return_pointer (task, catalog, (GDestroyNotify) measures_catalog_free);
}

/* The source tag of the loader's tasks: the address of a variable, as
 * ISO C has no conversion of a function to a data pointer. */
static char load_tag;

/**
 * measures_loader_load_async:
 * @files: (array length=n_files): dataset files; none means the
 *   bundled dataset
 * @n_files: the number of files
 * @cancellable: (nullable): a cancellable
 * @callback: called when loading has finished
 * @user_data: data for @callback
 *
 * Runs measures_loader_load_catalog() in a thread.
 */
void
measures_loader_load_async (GFile * const       *files,
                            guint                n_files,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  measures_loader_load_with_progress_async (files, n_files, NULL, cancellable, callback, user_data);
}

/**
 * measures_loader_load_with_progress_async:
 * @progress: (nullable): see measures_loader_load_catalog_with_progress();
 *   it must stay valid until the callback runs
 *
 * As measures_loader_load_async().
 */
void
measures_loader_load_with_progress_async (GFile * const       *files,
                                          guint                n_files,
                                          gint                *progress,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (copy, g_object_ref (files[i]));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_name (task, "measures_loader_load_async");
  g_task_set_source_tag (task, &load_tag);
  g_object_set_data (G_OBJECT (task), "progress", progress);
  g_task_set_task_data (task, copy, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * measures_loader_load_finish:
 *
 * Returns: (transfer full): the catalog, or %NULL when cancelled
 */
MeasuresCatalog *
measures_loader_load_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == &load_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
