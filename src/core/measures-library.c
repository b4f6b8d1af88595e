/* measures-library.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "measures-library-private.h"

/**
 * MeasuresLibrary:
 *
 * What the user keeps about measures, by their ids: stars, named
 * collections, a note on any measure, and saved searches. Nothing here
 * points at a loaded record, so marks survive a reload, another order
 * and a dataset replaced by a newer copy, and marks on measures that are
 * not loaded now are kept as they are.
 *
 * The library lives in one JSON file, `library.json` in
 * `$XDG_DATA_HOME/measures/`, of the format %MEASURES_LIBRARY_FORMAT.
 * Once opened, every change is written within a second: a temporary
 * file beside it, synced, then renamed over it (measures-file), in a
 * thread, so that a process killed at any moment leaves the old file or
 * the new one, whole. A file that cannot be read, damaged or of a later
 * format, is never written over: it is renamed to a name that says so,
 * #MeasuresLibrary:problem tells why, and the library goes on with what
 * could be read of it.
 *
 * Deleting a collection, a note or a saved search can be undone, the
 * last first.
 */

/* A change is written this long after it, whatever follows it: typing
 * a note never puts the write off. */
#define SAVE_DELAY_MS 300

#define MAX_UNDO 50

G_DEFINE_FINAL_TYPE (MeasuresLibrary, measures_library, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROBLEM,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static MeasuresLibrary *default_library;
static char save_tag;

static void schedule_save (MeasuresLibrary *self);

/* Changes */

void
_measures_library_changed (MeasuresLibrary       *self,
                           MeasuresLibraryChange  what)
{
  self->generation++;
  schedule_save (self);
  g_signal_emit (self, signals[CHANGED], 0, what);
}

void
_measures_library_push_undo (MeasuresLibrary *self,
                             MeasuresLibraryUndo            *undo)
{
  g_queue_push_head (&self->undo, undo);
  while (g_queue_get_length (&self->undo) > MAX_UNDO)
    _measures_library_undo_free (g_queue_pop_tail (&self->undo));
}

static void
set_problem (MeasuresLibrary *self,
             GError          *error)
{
  g_clear_error (&self->problem);
  self->problem = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

/* Saving */

typedef struct
{
  MeasuresLibraryWriter *writer;
  GFile *file;
  GBytes *bytes;
  guint64 generation;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  _measures_library_writer_unref (job->writer);
  g_object_unref (job->file);
  g_bytes_unref (job->bytes);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (_measures_library_write_bytes (job->writer, job->file, job->bytes, job->generation, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static GError *
save_failed (MeasuresLibrary *self,
             const GError    *error)
{
  return g_error_new (error->domain, error->code,
                      /* Translators: %s says why, and names the file */
                      _("Your stars, collections and notes could not be saved: %s"), error->message);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(MeasuresLibrary) self = MEASURES_LIBRARY (object);
  g_autoptr(GError) error = NULL;

  self->writing = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* The state stays unwritten: the next change tries again, and so
       * does closing the window. */
      set_problem (self, save_failed (self, error));
      return;
    }

  /* Changes made while it was written. */
  if (measures_library_get_dirty (self))
    schedule_save (self);
  else if (self->problem != NULL && self->problem->domain != MEASURES_LIBRARY_ERROR)
    set_problem (self, NULL);
}

static gboolean
save_cb_source (gpointer data)
{
  MeasuresLibrary *self = data;
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  self->save_source = 0;
  if (self->writing)
    return G_SOURCE_REMOVE;

  job = g_new0 (SaveJob, 1);
  job->writer = _measures_library_writer_ref (self->writer);
  job->file = g_object_ref (self->file);
  job->bytes = measures_library_to_bytes (self);
  job->generation = self->generation;

  self->writing = TRUE;
  task = g_task_new (g_object_ref (self), NULL, save_cb, NULL);
  g_task_set_source_tag (task, &save_tag);
  g_task_set_task_data (task, job, save_job_free);
  g_task_run_in_thread (task, save_thread);

  return G_SOURCE_REMOVE;
}

static void
schedule_save (MeasuresLibrary *self)
{
  if (!self->writable || self->file == NULL || self->save_source != 0 || self->writing)
    return;

  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_cb_source, self);
}

/**
 * measures_library_to_bytes:
 *
 * Returns: (transfer full): the library as its file holds it
 */
GBytes *
measures_library_to_bytes (MeasuresLibrary *self)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;
  gsize length;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), NULL);

  root = _measures_library_to_json (self);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, &length);
  /* A text file ends with a new line. */
  text = g_realloc (text, length + 2);
  text[length++] = '\n';
  text[length] = '\0';

  return g_bytes_new_take (text, length);
}

/**
 * measures_library_save:
 * @error: return location for an error
 *
 * Writes what is not written yet, now, in the calling thread: for a
 * window that closes and a process that ends. A library that was not
 * opened, or that has no file, writes nothing.
 *
 * Returns: whether the file holds the library as it is
 */
gboolean
measures_library_save (MeasuresLibrary  *self,
                       GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), FALSE);

  if (!self->writable || self->file == NULL || !measures_library_get_dirty (self))
    return TRUE;

  g_clear_handle_id (&self->save_source, g_source_remove);
  bytes = measures_library_to_bytes (self);
  if (!_measures_library_write_bytes (self->writer, self->file, bytes, self->generation, &local_error))
    {
      set_problem (self, save_failed (self, local_error));
      if (error != NULL)
        *error = g_error_copy (self->problem);
      return FALSE;
    }

  return TRUE;
}

/**
 * measures_library_read:
 * @error: return location for an error
 *
 * Reads the library's file, and only reads it: the command line's way.
 * No file is an empty library. A file that cannot be read whole gives
 * %MEASURES_LIBRARY_ERROR_DAMAGED or %MEASURES_LIBRARY_ERROR_NEWER_VERSION,
 * and leaves the library empty.
 *
 * Returns: whether the file was read
 */
gboolean
measures_library_read (MeasuresLibrary  *self,
                       GError          **error)
{
  gboolean nothing_read;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), FALSE);

  if (!_measures_library_read_file (self, &nothing_read, error))
    {
      _measures_library_clear (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * measures_library_open:
 *
 * Reads the library's file and writes every change from now on. A file
 * that cannot be read whole is set aside first (renamed beside itself,
 * see measures_library_get_set_aside()), #MeasuresLibrary:problem says
 * why, and the library keeps what could be read of it, written soon as
 * the new file. A file that cannot even be set aside is left alone, and
 * nothing is written over it: the library stays in memory only.
 */
void
measures_library_open (MeasuresLibrary *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) move_error = NULL;
  gboolean nothing_read;

  g_return_if_fail (MEASURES_IS_LIBRARY (self));

  g_clear_object (&self->set_aside);
  if (_measures_library_read_file (self, &nothing_read, &error))
    {
      self->writable = TRUE;
      return;
    }

  /* What a later version wrote is not ours to interpret in part. */
  if (g_error_matches (error, MEASURES_LIBRARY_ERROR, MEASURES_LIBRARY_ERROR_NEWER_VERSION))
    _measures_library_clear (self);

  self->set_aside = _measures_library_set_aside (self, error, &move_error);
  if (self->set_aside == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (self->file);

      g_warning ("Cannot set %s aside: %s", name, move_error->message);
      set_problem (self, g_error_new (error->domain, error->code,
                                      /* Translators: the first %s says what is wrong with the file */
                                      _("%s. It was left as it is, and changes are not saved."),
                                      error->message));
      return;
    }

  {
    g_autofree char *kept = g_file_get_basename (self->set_aside);

    set_problem (self, g_error_new (error->domain, error->code,
                                    /* Translators: the first %s says what is wrong with the
                                     * file, the second is the name it is kept under */
                                    _("%s. It was kept as “%s”."), error->message, kept));
  }

  self->writable = TRUE;
  if (!nothing_read)
    {
      self->generation++;
      schedule_save (self);
    }
}

static void
default_gone (gpointer  data,
              GObject  *where)
{
  default_library = NULL;
}

/**
 * measures_library_get_default_file:
 *
 * Returns: (transfer full): `library.json` in `$XDG_DATA_HOME/measures/`
 */
GFile *
measures_library_get_default_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "measures", "library.json", NULL);

  return g_file_new_for_path (path);
}

/**
 * measures_library_get_default:
 *
 * The library of the user, opened (see measures_library_open()), and
 * shared by every window of the process as long as one holds it; the
 * next call once none does reads the file again. Call it from the main
 * thread only.
 *
 * Returns: (transfer full): the library
 */
MeasuresLibrary *
measures_library_get_default (void)
{
  g_autoptr(GFile) file = NULL;

  if (default_library != NULL)
    return g_object_ref (default_library);

  file = measures_library_get_default_file ();
  default_library = measures_library_new (file);
  g_object_weak_ref (G_OBJECT (default_library), default_gone, NULL);
  measures_library_open (default_library);

  return default_library;
}

static void
measures_library_dispose (GObject *object)
{
  MeasuresLibrary *self = MEASURES_LIBRARY (object);

  /* Nothing is lost when the last window closes. */
  measures_library_save (self, NULL);
  g_clear_handle_id (&self->save_source, g_source_remove);

  G_OBJECT_CLASS (measures_library_parent_class)->dispose (object);
}

static void
measures_library_finalize (GObject *object)
{
  MeasuresLibrary *self = MEASURES_LIBRARY (object);

  g_queue_clear_full (&self->undo, _measures_library_undo_free);
  g_clear_pointer (&self->starred, g_hash_table_unref);
  g_clear_pointer (&self->collections, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_hash_table_unref);
  g_clear_pointer (&self->searches, g_ptr_array_unref);
  g_clear_pointer (&self->writer, _measures_library_writer_unref);
  g_clear_error (&self->problem);
  g_clear_object (&self->set_aside);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (measures_library_parent_class)->finalize (object);
}

static void
measures_library_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MeasuresLibrary *self = MEASURES_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_PROBLEM:
      g_value_set_boxed (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_library_class_init (MeasuresLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = measures_library_dispose;
  object_class->finalize = measures_library_finalize;
  object_class->get_property = measures_library_get_property;

  /**
   * MeasuresLibrary:problem:
   *
   * Why the file could not be read (and was set aside), or why the last
   * change could not be written; %NULL when all is well.
   */
  properties[PROP_PROBLEM] =
    g_param_spec_boxed ("problem", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MeasuresLibrary::changed:
   * @what: the #MeasuresLibraryChange flags of what changed
   *
   * Emitted after every change, from the main thread.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
measures_library_init (MeasuresLibrary *self)
{
  self->starred = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->collections = g_ptr_array_new_with_free_func (_measures_library_collection_free);
  self->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _measures_library_note_free);
  self->searches = g_ptr_array_new_with_free_func (_measures_library_search_free);
  g_queue_init (&self->undo);
  self->writer = _measures_library_writer_new ();
}

/**
 * measures_library_new:
 * @file: (nullable): the library's file; %NULL keeps it in memory
 *
 * Returns: (transfer full): an empty library; measures_library_read()
 *   or measures_library_open() reads its file
 */
MeasuresLibrary *
measures_library_new (GFile *file)
{
  MeasuresLibrary *self;

  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = g_object_new (MEASURES_TYPE_LIBRARY, NULL);
  self->file = file != NULL ? g_object_ref (file) : NULL;
  /* A library of its own, in memory, keeps every change. */
  self->writable = file == NULL;

  return self;
}

/**
 * measures_library_get_file:
 *
 * Returns: (transfer none) (nullable): the library's file
 */
GFile *
measures_library_get_file (MeasuresLibrary *self)
{
  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), NULL);

  return self->file;
}

/**
 * measures_library_get_problem:
 *
 * Returns: (transfer none) (nullable): see #MeasuresLibrary:problem
 */
const GError *
measures_library_get_problem (MeasuresLibrary *self)
{
  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), NULL);

  return self->problem;
}

/**
 * measures_library_get_set_aside:
 *
 * Returns: (transfer none) (nullable): where the file that could not be
 *   read was moved to when the library was opened
 */
GFile *
measures_library_get_set_aside (MeasuresLibrary *self)
{
  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), NULL);

  return self->set_aside;
}

/**
 * measures_library_get_writable:
 *
 * Returns: whether changes are written to the file
 */
gboolean
measures_library_get_writable (MeasuresLibrary *self)
{
  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), FALSE);

  return self->writable && self->file != NULL;
}

/**
 * measures_library_get_dirty:
 *
 * Returns: whether there are changes the file does not hold yet
 */
gboolean
measures_library_get_dirty (MeasuresLibrary *self)
{
  guint64 written;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), FALSE);

  g_mutex_lock (&self->writer->lock);
  written = self->writer->written;
  g_mutex_unlock (&self->writer->lock);

  return self->generation > written;
}

gboolean
measures_library_is_starred (MeasuresLibrary *self,
                             const char      *measure_id)
{
  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), FALSE);

  return measure_id != NULL && g_hash_table_contains (self->starred, measure_id);
}

/**
 * measures_library_set_starred:
 * @measure_ids: (array zero-terminated=1): the measures
 * @starred: whether to star or unstar them
 *
 * Returns: how many measures changed
 */
guint
measures_library_set_starred (MeasuresLibrary    *self,
                              const char * const *measure_ids,
                              gboolean            starred)
{
  guint n = 0;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), 0);
  g_return_val_if_fail (measure_ids != NULL, 0);

  for (guint i = 0; measure_ids[i] != NULL; i++)
    {
      if (*measure_ids[i] == '\0')
        continue;
      if (starred)
        n += g_hash_table_add (self->starred, g_strdup (measure_ids[i])) ? 1 : 0;
      else
        n += g_hash_table_remove (self->starred, measure_ids[i]) ? 1 : 0;
    }

  if (n > 0)
    _measures_library_changed (self, MEASURES_LIBRARY_CHANGE_STARS);

  return n;
}

guint
measures_library_get_n_starred (MeasuresLibrary *self)
{
  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), 0);

  return g_hash_table_size (self->starred);
}

/**
 * measures_library_list_starred:
 * @n: (out) (optional): how many
 *
 * Returns: (transfer container) (array zero-terminated=1): the ids of
 *   the starred measures, sorted, loaded or not
 */
const char **
measures_library_list_starred (MeasuresLibrary *self,
                               guint           *n)
{
  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), NULL);

  return _measures_library_sorted_keys (self->starred, n);
}

/**
 * measures_library_get_note:
 *
 * Returns: (nullable): the note on @measure_id, or %NULL for none
 */
const char *
measures_library_get_note (MeasuresLibrary *self,
                           const char      *measure_id)
{
  MeasuresLibraryNote *note;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), NULL);

  note = measure_id != NULL ? g_hash_table_lookup (self->notes, measure_id) : NULL;

  return note != NULL ? note->text : NULL;
}

/**
 * measures_library_get_folded_note:
 *
 * Returns: (nullable): the words of the note on @measure_id folded as
 *   the search folds them (see measures_fold_words()), or %NULL
 */
const char *
measures_library_get_folded_note (MeasuresLibrary *self,
                                  const char      *measure_id)
{
  MeasuresLibraryNote *note;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), NULL);

  note = measure_id != NULL ? g_hash_table_lookup (self->notes, measure_id) : NULL;

  return note != NULL ? note->folded : NULL;
}

/**
 * measures_library_set_note:
 * @text: (nullable): the note, plain text of any number of paragraphs;
 *   blank or %NULL leaves no note
 *
 * Keeps @text as the note on @measure_id, as it is typed.
 */
void
measures_library_set_note (MeasuresLibrary *self,
                           const char      *measure_id,
                           const char      *text)
{
  MeasuresLibraryNote *note;
  g_autofree char *modified = NULL;
  gboolean blank = TRUE;

  g_return_if_fail (MEASURES_IS_LIBRARY (self));
  g_return_if_fail (measure_id != NULL && *measure_id != '\0');
  g_return_if_fail (text == NULL || g_utf8_validate (text, -1, NULL));

  for (const char *p = text; p != NULL && *p != '\0' && blank; p = g_utf8_next_char (p))
    blank = g_unichar_isspace (g_utf8_get_char (p));

  note = g_hash_table_lookup (self->notes, measure_id);
  if (blank)
    {
      if (note == NULL)
        return;
      g_hash_table_remove (self->notes, measure_id);
    }
  else
    {
      if (note != NULL && g_str_equal (note->text, text))
        return;
      modified = _measures_library_now ();
      g_hash_table_insert (self->notes, g_strdup (measure_id), _measures_library_note_new (text, modified));
    }

  _measures_library_changed (self, MEASURES_LIBRARY_CHANGE_NOTES);
}

/**
 * measures_library_delete_note:
 *
 * Deletes the note on @measure_id; measures_library_undo() brings it
 * back.
 *
 * Returns: whether there was one
 */
gboolean
measures_library_delete_note (MeasuresLibrary *self,
                              const char      *measure_id)
{
  gpointer key, value;
  MeasuresLibraryUndo *undo;

  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), FALSE);

  if (measure_id == NULL || !g_hash_table_steal_extended (self->notes, measure_id, &key, &value))
    return FALSE;

  undo = g_new0 (MeasuresLibraryUndo, 1);
  undo->kind = MEASURES_LIBRARY_UNDO_NOTE;
  undo->measure_id = key;
  undo->note = value;
  _measures_library_push_undo (self, undo);
  _measures_library_changed (self, MEASURES_LIBRARY_CHANGE_NOTES);

  return TRUE;
}

guint
measures_library_get_n_notes (MeasuresLibrary *self)
{
  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), 0);

  return g_hash_table_size (self->notes);
}

/**
 * measures_library_list_notes:
 * @n: (out) (optional): how many
 *
 * Returns: (transfer container) (array zero-terminated=1): the ids of
 *   the measures with a note, sorted
 */
const char **
measures_library_list_notes (MeasuresLibrary *self,
                             guint           *n)
{
  g_return_val_if_fail (MEASURES_IS_LIBRARY (self), NULL);

  return _measures_library_sorted_keys (self->notes, n);
}
