/* measures-own-records.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-own-records"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "measures-error.h"
#include "measures-file.h"
#include "measures-loader.h"
#include "measures-own-records.h"

/**
 * MeasuresOwnRecords:
 *
 * The user's own measures, "My Measures": records they made, pasted
 * from a Global Database page, or edited copies of measures of other
 * datasets, which are never changed themselves. They live in one
 * `measures-1` file, `$XDG_DATA_HOME/measures/my-measures.json`, that
 * the loader reads like any dataset and that can be opened elsewhere.
 *
 * Each change is written within a second: in a thread, through a
 * temporary file that is synced and then renamed over the old one
 * (measures_file_replace_contents()), so that the file always holds the
 * old state or the new one, whole. A file that cannot be read (damaged,
 * or of a later version of the format) is never written over: it is
 * set aside under a name that says so, and measures_own_records_get_problem()
 * tells the user.
 */
struct _MeasuresOwnRecords
{
  GObject parent_instance;

  GFile *file;
  GPtrArray *measures;          /* MeasuresMeasure, in the file's order */
  MeasuresMeasure *removed;     /* the last one removed, for Undo */
  guint removed_at;
  char *problem;                /* what reading the file found */
  GFile *set_aside;
  GError *save_error;           /* of the last write, when it failed */

  guint save_source;
  guint64 generation;           /* of the records in memory */
  guint64 saved_generation;     /* of those last known on disk */

  /* Writes, in a thread or in flush(), one at a time: a write of an
   * older generation than the file holds is skipped. */
  GMutex write_lock;
  guint64 written_generation;

  guint writing : 1;
  guint exists : 1;             /* the file is there to be loaded */
  guint read_only : 1;          /* a file that could not be set aside */
};

G_DEFINE_FINAL_TYPE (MeasuresOwnRecords, measures_own_records, G_TYPE_OBJECT)

enum {
  CHANGED,
  SAVED,
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* How soon a change is written: changes made together (a paste of
 * several records) go in one write. */
#define SAVE_DELAY_MS 50
/* How soon a write that failed is tried again. */
#define RETRY_DELAY_MS 5000

static MeasuresOwnRecords *default_records;

/* Edited copies */

/**
 * measures_own_records_describe_dataset:
 * @uri: the URI of a dataset file
 *
 * Returns: (transfer full): the dataset's name as the user knows it:
 *   "Bundled measures", "My Measures", or the file's name
 */
char *
measures_own_records_describe_dataset (const char *uri)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) own = measures_own_records_get_default_file ();

  g_return_val_if_fail (uri != NULL, NULL);

  file = g_file_new_for_uri (uri);
  if (g_file_has_uri_scheme (file, "resource"))
    return g_strdup (_("Bundled measures"));
  if (g_file_equal (file, own))
    return g_strdup (_("My Measures"));

  return g_file_get_basename (file);
}

/**
 * measures_measure_get_edited_from:
 * @measure: a measure
 *
 * Returns: (nullable): the URI of the dataset @measure is an edited copy
 *   of a measure of, or %NULL if it is not an edited copy
 */
const char *
measures_measure_get_edited_from (MeasuresMeasure *measure)
{
  JsonObject *extra;
  JsonNode *node;
  JsonObject *from;

  g_return_val_if_fail (MEASURES_IS_MEASURE (measure), NULL);

  extra = measures_measure_get_extra (measure);
  if (extra == NULL || (node = json_object_get_member (extra, MEASURES_EDITED_FROM_KEY)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  from = json_node_get_object (node);
  node = json_object_get_member (from, "dataset");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/**
 * measures_measure_dup_original:
 * @measure: an edited copy
 *
 * Returns: (transfer full) (nullable): the measure as it was before it
 *   was edited, or %NULL if @measure is not an edited copy or its
 *   original cannot be read
 */
MeasuresMeasure *
measures_measure_dup_original (MeasuresMeasure *measure)
{
  JsonObject *extra;
  JsonNode *node;
  JsonNode *record;

  g_return_val_if_fail (MEASURES_IS_MEASURE (measure), NULL);

  if (measures_measure_get_edited_from (measure) == NULL)
    return NULL;

  extra = measures_measure_get_extra (measure);
  node = json_object_get_member (extra, MEASURES_EDITED_FROM_KEY);
  record = json_object_get_member (json_node_get_object (node), "record");
  if (record == NULL || !JSON_NODE_HOLDS_OBJECT (record))
    return NULL;

  return measures_measure_new_from_json (json_node_get_object (record), NULL);
}

/**
 * measures_own_records_make_edited_copy:
 * @edited: the measure as the user edited it
 * @original: the measure of @dataset it was edited from, or an edited
 *   copy of one
 * @dataset: (nullable): the file of the dataset @original comes from
 * @error: return location for an error
 *
 * Makes the edited copy that replaces @original in the view: @edited
 * with the id of @original, so that whatever keys on the id follows it,
 * and the original record, to be shown or restored. An edited copy
 * edited again keeps the original it had.
 *
 * Returns: (transfer full) (nullable): the edited copy
 */
MeasuresMeasure *
measures_own_records_make_edited_copy (MeasuresMeasure  *edited,
                                       MeasuresMeasure  *original,
                                       GFile            *dataset,
                                       GError          **error)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  JsonObject *original_extra;

  g_return_val_if_fail (MEASURES_IS_MEASURE (edited), NULL);
  g_return_val_if_fail (MEASURES_IS_MEASURE (original), NULL);
  g_return_val_if_fail (dataset == NULL || G_IS_FILE (dataset), NULL);

  node = measures_measure_to_json (edited);
  object = json_node_get_object (node);
  json_object_set_string_member (object, "id", measures_measure_get_id (original));
  if (json_object_has_member (object, MEASURES_EDITED_FROM_KEY))
    json_object_remove_member (object, MEASURES_EDITED_FROM_KEY);

  original_extra = measures_measure_get_extra (original);
  if (measures_measure_get_edited_from (original) != NULL)
    json_object_set_member (object, MEASURES_EDITED_FROM_KEY,
                            json_node_copy (json_object_get_member (original_extra, MEASURES_EDITED_FROM_KEY)));
  else
    {
      g_autoptr(JsonObject) from = json_object_new ();
      g_autofree char *uri = dataset != NULL ? g_file_get_uri (dataset) : g_strdup ("");

      json_object_set_string_member (from, "dataset", uri);
      json_object_set_member (from, "record", measures_measure_to_json (original));
      json_object_set_object_member (object, MEASURES_EDITED_FROM_KEY, g_steal_pointer (&from));
    }

  return measures_measure_new_from_json (object, error);
}

/* Reading, and setting aside what cannot be read */

/* A file whose "format" is a measures- one that is not ours was written
 * by a later version of Measures. */
static gboolean
is_later_version (GFile *file)
{
  g_autofree char *contents = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonNode *format;
  gsize length;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, NULL) ||
      !json_parser_load_from_data (parser, contents, length, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;

  format = json_object_get_member (json_node_get_object (root), "format");

  return format != NULL && JSON_NODE_HOLDS_VALUE (format) &&
         json_node_get_value_type (format) == G_TYPE_STRING &&
         g_str_has_prefix (json_node_get_string (format), "measures-") &&
         !g_str_equal (json_node_get_string (format), MEASURES_FORMAT);
}

/* Moves the file beside itself, "my-measures.damaged-20261201-101500.json",
 * never over another file. */
static GFile *
set_aside (GFile      *file,
           const char *why,
           GError    **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *base = g_file_get_basename (file);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  char *dot = strrchr (base, '.');

  if (dot != NULL)
    *dot = '\0';

  for (guint attempt = 1; attempt < 100; attempt++)
    {
      g_autofree char *name = attempt == 1
                              ? g_strdup_printf ("%s.%s-%s.json", base, why, stamp)
                              : g_strdup_printf ("%s.%s-%s-%u.json", base, why, stamp, attempt);
      g_autoptr(GFile) target = g_file_get_child (parent, name);
      g_autoptr(GError) local_error = NULL;

      if (g_file_move (file, target, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, &local_error))
        return g_steal_pointer (&target);

      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("Too many files set aside already"));

  return NULL;
}

static void schedule_save (MeasuresOwnRecords *self,
                           guint               delay);

static void
read_file (MeasuresOwnRecords *self)
{
  g_autoptr(MeasuresDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (self->file);
  const GError *read_error;
  GPtrArray *problems;
  const char *why;

  if (!g_file_query_exists (self->file, NULL))
    return;

  dataset = measures_loader_load_file (self->file, NULL);
  read_error = measures_dataset_get_error (dataset);
  problems = measures_dataset_get_problems (dataset);

  for (guint i = 0; i < measures_dataset_get_n_measures (dataset); i++)
    g_ptr_array_add (self->measures, g_object_ref (g_ptr_array_index (measures_dataset_get_measures (dataset), i)));

  if (read_error == NULL && problems->len == 0)
    {
      self->exists = TRUE;
      return;
    }

  why = read_error != NULL && is_later_version (self->file) ? "later-version" : "damaged";
  self->set_aside = set_aside (self->file, why, &error);
  if (self->set_aside == NULL)
    {
      /* Left where it is, and so never written over. */
      self->read_only = TRUE;
      self->exists = read_error == NULL;
      self->problem =
        /* Translators: a banner; the first %s is a file, the second why it could not be moved */
        g_strdup_printf (_("My Measures (%s) could not be read and is left as it is; changes to it are not saved: %s"),
                         name, error->message);
      return;
    }

  {
    g_autofree char *aside = g_file_get_basename (self->set_aside);

    if (read_error != NULL && g_str_equal (why, "later-version"))
      /* Translators: a banner; %s is the name of a file */
      self->problem = g_strdup_printf (_("My Measures was written by a later version of Measures: it was set aside as “%s”, "
                                         "and new measures are kept in a new file"), aside);
    else if (read_error != NULL)
      /* Translators: a banner; the first %s is the name of a file, the second what is wrong */
      self->problem = g_strdup_printf (_("My Measures could not be read (%s): it was set aside as “%s”, "
                                         "and new measures are kept in a new file"), read_error->message, aside);
    else
      /* Translators: a banner; %s is the name of a file */
      self->problem = g_strdup_printf (_("Some records of My Measures could not be read: the file was set aside as “%s”, "
                                         "and the others are kept"), aside);
  }

  /* What could be read is written again at once, under the old name. */
  if (self->measures->len > 0)
    {
      self->generation++;
      schedule_save (self, 0);
    }
}

/* Writing */

typedef struct
{
  GBytes *bytes;
  guint64 generation;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_bytes_unref (job->bytes);
  g_free (job);
}

static GBytes *
serialize (MeasuresOwnRecords *self)
{
  gsize length;
  char *text = measures_measure_list_to_json (self->measures, &length);

  return g_bytes_new_take (text, length);
}

/* Writes @bytes of @generation unless a later one is written already. */
static gboolean
write_generation (MeasuresOwnRecords *self,
                  GBytes             *bytes,
                  guint64             generation,
                  GError            **error)
{
  g_autoptr(GMutexLocker) G_GNUC_UNUSED locker = g_mutex_locker_new (&self->write_lock);
  g_autoptr(GFile) parent = NULL;

  if (generation <= self->written_generation)
    return TRUE;

  parent = g_file_get_parent (self->file);
  if (parent != NULL && !g_file_query_exists (parent, NULL))
    {
      g_autoptr(GError) local_error = NULL;

      if (!g_file_make_directory_with_parents (parent, NULL, &local_error) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (!measures_file_replace_contents (self->file, bytes, NULL, error))
    return FALSE;

  self->written_generation = generation;

  return TRUE;
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;

  if (write_generation (source_object, job->bytes, job->generation, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
set_save_error (MeasuresOwnRecords *self,
                GError             *error)
{
  g_clear_error (&self->save_error);
  self->save_error = error;
  if (error != NULL)
    g_signal_emit (self, signals[SAVE_FAILED], 0);
}

static void
note_saved (MeasuresOwnRecords *self)
{
  guint64 written;

  g_mutex_lock (&self->write_lock);
  written = self->written_generation;
  g_mutex_unlock (&self->write_lock);

  if (written <= self->saved_generation)
    return;

  self->saved_generation = written;
  self->exists = TRUE;
  set_save_error (self, NULL);
  g_signal_emit (self, signals[SAVED], 0);
}

static void start_write (MeasuresOwnRecords *self);

/* The source tag of writes. */
static char write_tag;

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  MeasuresOwnRecords *self = MEASURES_OWN_RECORDS (object);
  GError *error = NULL;

  self->writing = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *name = g_file_get_parse_name (self->file);

      g_prefix_error (&error, _("My Measures could not be saved in %s: "), name);
      set_save_error (self, error);
      schedule_save (self, RETRY_DELAY_MS);
      return;
    }

  note_saved (self);
  if (self->generation > self->saved_generation)
    schedule_save (self, 0);
}

static void
start_write (MeasuresOwnRecords *self)
{
  g_autoptr(GTask) task = NULL;
  WriteJob *job;

  if (self->read_only || self->writing || self->generation <= self->saved_generation)
    return;

  job = g_new0 (WriteJob, 1);
  job->bytes = serialize (self);
  job->generation = self->generation;

  /* The task holds the records' object until the file is written. */
  task = g_task_new (self, NULL, write_cb, NULL);
  g_task_set_source_tag (task, &write_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  self->writing = TRUE;
  g_task_run_in_thread (task, write_thread);
}

static gboolean
save_cb (gpointer data)
{
  MeasuresOwnRecords *self = data;

  self->save_source = 0;
  start_write (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_save (MeasuresOwnRecords *self,
               guint               delay)
{
  if (self->read_only)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (delay, save_cb, self);
}

static void
changed (MeasuresOwnRecords *self)
{
  self->generation++;
  schedule_save (self, SAVE_DELAY_MS);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* GObject */

static void
measures_own_records_dispose (GObject *object)
{
  MeasuresOwnRecords *self = MEASURES_OWN_RECORDS (object);
  g_autoptr(GError) error = NULL;

  /* Nothing waits for a later write: what is left is written now. */
  if (self->file != NULL && !measures_own_records_flush (self, &error) && error != NULL)
    g_warning ("%s", error->message);
  g_clear_handle_id (&self->save_source, g_source_remove);

  G_OBJECT_CLASS (measures_own_records_parent_class)->dispose (object);
}

static void
measures_own_records_finalize (GObject *object)
{
  MeasuresOwnRecords *self = MEASURES_OWN_RECORDS (object);

  g_clear_object (&self->file);
  g_clear_object (&self->set_aside);
  g_clear_object (&self->removed);
  g_clear_pointer (&self->measures, g_ptr_array_unref);
  g_clear_pointer (&self->problem, g_free);
  g_clear_error (&self->save_error);
  g_mutex_clear (&self->write_lock);

  G_OBJECT_CLASS (measures_own_records_parent_class)->finalize (object);
}

static void
measures_own_records_class_init (MeasuresOwnRecordsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = measures_own_records_dispose;
  object_class->finalize = measures_own_records_finalize;

  /**
   * MeasuresOwnRecords::changed:
   *
   * A record was added, replaced or removed; it is written soon.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * MeasuresOwnRecords::saved:
   *
   * The file holds the records as they were at a later change than
   * before: a load reads them.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * MeasuresOwnRecords::save-failed:
   *
   * A write failed; measures_own_records_get_save_error() says why. It
   * is tried again a few seconds later and at each change.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
measures_own_records_init (MeasuresOwnRecords *self)
{
  self->measures = g_ptr_array_new_with_free_func (g_object_unref);
  g_mutex_init (&self->write_lock);
}

/* Public API */

/**
 * measures_own_records_new:
 * @file: the file of the records; it need not exist
 *
 * Reads @file at once: it is small, and what is read, or why it could
 * not be, must be known before a window shows anything. A file that
 * cannot be read, whole, is set aside first.
 *
 * Returns: (transfer full): the records of @file
 */
MeasuresOwnRecords *
measures_own_records_new (GFile *file)
{
  MeasuresOwnRecords *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (MEASURES_TYPE_OWN_RECORDS, NULL);
  self->file = g_object_ref (file);
  read_file (self);

  return self;
}

/**
 * measures_own_records_get_default_file:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/measures/my-measures.json`
 */
GFile *
measures_own_records_get_default_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "measures",
                                            MEASURES_OWN_RECORDS_FILE_NAME, NULL);

  return g_file_new_for_path (path);
}

/**
 * measures_own_records_get_default:
 *
 * The user's records, shared by every window of the process: read on
 * the first call, and again once every reference was dropped (and the
 * last changes written).
 *
 * Returns: (transfer full): the user's records
 */
MeasuresOwnRecords *
measures_own_records_get_default (void)
{
  if (default_records == NULL)
    {
      g_autoptr(GFile) file = measures_own_records_get_default_file ();

      default_records = measures_own_records_new (file);
      g_object_add_weak_pointer (G_OBJECT (default_records), (gpointer *) &default_records);
      return default_records;
    }

  return g_object_ref (default_records);
}

/**
 * measures_own_records_get_file:
 *
 * Returns: (transfer none): the file of the records
 */
GFile *
measures_own_records_get_file (MeasuresOwnRecords *self)
{
  g_return_val_if_fail (MEASURES_IS_OWN_RECORDS (self), NULL);

  return self->file;
}

/**
 * measures_own_records_get_measures:
 *
 * Returns: (transfer none) (element-type MeasuresMeasure): the records,
 *   as they are now (written or about to be)
 */
GPtrArray *
measures_own_records_get_measures (MeasuresOwnRecords *self)
{
  g_return_val_if_fail (MEASURES_IS_OWN_RECORDS (self), NULL);

  return self->measures;
}

static gboolean
find (MeasuresOwnRecords *self,
      const char         *id,
      guint              *position)
{
  for (guint i = 0; i < self->measures->len; i++)
    if (g_str_equal (measures_measure_get_id (g_ptr_array_index (self->measures, i)), id))
      {
        *position = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * measures_own_records_lookup:
 * @id: the id of a measure
 *
 * Returns: (transfer none) (nullable): the record with @id
 */
MeasuresMeasure *
measures_own_records_lookup (MeasuresOwnRecords *self,
                             const char         *id)
{
  guint position;

  g_return_val_if_fail (MEASURES_IS_OWN_RECORDS (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return find (self, id, &position) ? g_ptr_array_index (self->measures, position) : NULL;
}

/**
 * measures_own_records_has_file:
 *
 * Returns: whether the file is there for a load to read
 */
gboolean
measures_own_records_has_file (MeasuresOwnRecords *self)
{
  g_return_val_if_fail (MEASURES_IS_OWN_RECORDS (self), FALSE);

  return self->exists;
}

/**
 * measures_own_records_get_problem:
 *
 * Returns: (nullable): what reading the file found, for a banner: that
 *   it was set aside, and as what
 */
const char *
measures_own_records_get_problem (MeasuresOwnRecords *self)
{
  g_return_val_if_fail (MEASURES_IS_OWN_RECORDS (self), NULL);

  return self->problem;
}

/**
 * measures_own_records_get_set_aside:
 *
 * Returns: (transfer none) (nullable): where the file that could not be
 *   read was moved to
 */
GFile *
measures_own_records_get_set_aside (MeasuresOwnRecords *self)
{
  g_return_val_if_fail (MEASURES_IS_OWN_RECORDS (self), NULL);

  return self->set_aside;
}

/**
 * measures_own_records_get_save_error:
 *
 * Returns: (nullable): why the last write failed; %NULL once one worked
 */
const GError *
measures_own_records_get_save_error (MeasuresOwnRecords *self)
{
  g_return_val_if_fail (MEASURES_IS_OWN_RECORDS (self), NULL);

  return self->save_error;
}

/**
 * measures_own_records_get_saved:
 *
 * Returns: whether the file holds every change made
 */
gboolean
measures_own_records_get_saved (MeasuresOwnRecords *self)
{
  g_return_val_if_fail (MEASURES_IS_OWN_RECORDS (self), FALSE);

  return self->generation == self->saved_generation;
}

/**
 * measures_own_records_put:
 * @measure: a record
 *
 * Adds @measure, or replaces the record with its id where it stands.
 */
void
measures_own_records_put (MeasuresOwnRecords *self,
                          MeasuresMeasure    *measure)
{
  guint position;

  g_return_if_fail (MEASURES_IS_OWN_RECORDS (self));
  g_return_if_fail (MEASURES_IS_MEASURE (measure));

  if (find (self, measures_measure_get_id (measure), &position))
    {
      g_object_unref (g_ptr_array_index (self->measures, position));
      g_ptr_array_index (self->measures, position) = g_object_ref (measure);
    }
  else
    g_ptr_array_add (self->measures, g_object_ref (measure));

  changed (self);
}

/**
 * measures_own_records_remove:
 * @id: the id of a record
 *
 * Removes the record with @id, until measures_own_records_undo_remove()
 * brings it back.
 *
 * Returns: whether there was one
 */
gboolean
measures_own_records_remove (MeasuresOwnRecords *self,
                             const char         *id)
{
  guint position;

  g_return_val_if_fail (MEASURES_IS_OWN_RECORDS (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!find (self, id, &position))
    return FALSE;

  g_clear_object (&self->removed);
  self->removed = g_ptr_array_steal_index (self->measures, position);
  self->removed_at = position;
  changed (self);

  return TRUE;
}

/**
 * measures_own_records_undo_remove:
 *
 * Puts back the record measures_own_records_remove() removed last,
 * where it was, unless one with its id was added since.
 *
 * Returns: (transfer none) (nullable): the record put back
 */
MeasuresMeasure *
measures_own_records_undo_remove (MeasuresOwnRecords *self)
{
  g_autoptr(MeasuresMeasure) removed = NULL;
  guint position;

  g_return_val_if_fail (MEASURES_IS_OWN_RECORDS (self), NULL);

  removed = g_steal_pointer (&self->removed);
  if (removed == NULL || find (self, measures_measure_get_id (removed), &position))
    return NULL;

  g_ptr_array_insert (self->measures, MIN (self->removed_at, self->measures->len), g_object_ref (removed));
  changed (self);

  return removed;
}

/**
 * measures_own_records_flush:
 * @error: return location for an error
 *
 * Writes the records now, in the calling thread, if the file does not
 * hold every change yet: for a window that closes, or a process that
 * ends.
 *
 * Returns: whether the file holds every change
 */
gboolean
measures_own_records_flush (MeasuresOwnRecords  *self,
                            GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (MEASURES_IS_OWN_RECORDS (self), FALSE);

  if (self->generation <= self->saved_generation)
    return TRUE;

  if (self->read_only)
    {
      g_set_error_literal (error, MEASURES_ERROR, MEASURES_ERROR_UNREADABLE, self->problem);
      return FALSE;
    }

  g_clear_handle_id (&self->save_source, g_source_remove);
  bytes = serialize (self);
  if (!write_generation (self, bytes, self->generation, error))
    return FALSE;

  note_saved (self);

  return TRUE;
}

/**
 * measures_own_records_unique_id:
 * @wanted: the id a new record would have
 * @taken: (nullable) (element-type utf8 utf8): the ids of other measures
 *   shown, as keys
 *
 * Returns: (transfer full): @wanted, or @wanted with "-2", "-3", … when
 *   a record here or a measure of @taken has it
 */
char *
measures_own_records_unique_id (MeasuresOwnRecords *self,
                                const char         *wanted,
                                GHashTable         *taken)
{
  g_return_val_if_fail (MEASURES_IS_OWN_RECORDS (self), NULL);
  g_return_val_if_fail (wanted != NULL, NULL);

  for (guint n = 1;; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (wanted) : g_strdup_printf ("%s-%u", wanted, n);
      guint position;

      if (!find (self, id, &position) && (taken == NULL || !g_hash_table_contains (taken, id)))
        return g_steal_pointer (&id);
    }
}
