/* measures-session.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-session"

#include "config.h"

#include "measures-loader.h"
#include "measures-own-records.h"
#include "measures-session.h"
#include "measures-session-private.h"

/**
 * MeasuresSession:
 *
 * What a user has open and how they look at it: the datasets and their
 * load, the index of their measures, the query, its result and the
 * problems the load found. It saves and restores them with the
 * application's settings, when it has them.
 *
 * A window shows a session and the command line counts and exports
 * through one, so both give the same answers. A session knows nothing
 * of widgets; what a view needs to know is in its properties and its
 * two signals: #MeasuresSession::loaded once a load is applied, and
 * #MeasuresSession::result-changed once the query was evaluated again.
 *
 * Loads run in a thread. Each holds a reference to the session, and a
 * load replaced by a newer one, cancelled, or ending after
 * measures_session_stop() changes nothing.
 */

G_DEFINE_FINAL_TYPE (MeasuresSession, measures_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_QUERY,
  PROP_LIBRARY,
  PROP_LOADING,
  PROP_PROGRESS,
  PROP_SHOW_BUNDLED,
  PROP_SORT_BY,
  N_PROPS
};

enum {
  LOADED,
  RESULT_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Progress */

static gboolean
progress_tick_cb (gpointer data)
{
  MeasuresSession *self = data;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);

  return G_SOURCE_CONTINUE;
}

static void
set_loading (MeasuresSession *self,
             gboolean         loading)
{
  if (self->loading == !!loading)
    return;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (loading)
    {
      g_atomic_int_set (&self->progress, 0);
      self->progress_source = g_timeout_add (100, progress_tick_cb, self);
    }

  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* The query and its result */

static void
evaluate (MeasuresSession *self)
{
  g_clear_pointer (&self->result, measures_result_free);
  self->result = measures_index_evaluate (self->index, self->query);
  g_signal_emit (self, signals[RESULT_CHANGED], 0);
}

static void
query_changed_cb (MeasuresSession *self)
{
  evaluate (self);
}

/* A collection deleted is no longer asked for; any change of the marks
 * may change the matches and their counts. */
static void
library_changed_cb (MeasuresSession       *self,
                    MeasuresLibraryChange  what)
{
  const char * const *chosen = measures_query_get_collections (self->query);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; chosen[i] != NULL; i++)
    if (measures_library_get_collection_name (self->library, chosen[i]) != NULL)
      g_ptr_array_add (kept, (gpointer) chosen[i]);
  g_ptr_array_add (kept, NULL);

  if (g_strv_length ((char **) chosen) != kept->len - 1)
    measures_query_set_collections (self->query, (const char * const *) kept->pdata);
  else if ((what & MEASURES_LIBRARY_CHANGE_MARKS) != 0)
    evaluate (self);
}

static void
prepare_orders_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  measures_index_prepare_orders (task_data);
  g_task_return_boolean (task, TRUE);
}

/* Sorting by title or country the first time would collate every title:
 * that is done meanwhile, on the other core. */
static void
prepare_orders (MeasuresIndex *index)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_task_data (task, g_object_ref (index), g_object_unref);
  g_task_set_priority (task, G_PRIORITY_LOW);
  g_task_run_in_thread (task, prepare_orders_thread);
}

static void
take_catalog (MeasuresSession *self,
              MeasuresCatalog *catalog)
{
  g_list_store_splice (self->datasets, 0, g_list_model_get_n_items (G_LIST_MODEL (self->datasets)),
                       catalog->datasets->pdata, catalog->datasets->len);
  g_set_object (&self->index, catalog->index);
  g_ptr_array_set_size (self->problems, 0);
  for (guint i = 0; i < catalog->problems->len; i++)
    g_ptr_array_add (self->problems, measures_problem_copy (g_ptr_array_index (catalog->problems, i)));

  set_loading (self, FALSE);
  g_signal_emit (self, signals[LOADED], 0);
  evaluate (self);
}

/* Loading */

/* One load: the session, the cancellable that tells whether it is still
 * the session's current load, and, once it ended, its result. */
typedef struct
{
  MeasuresSession *self;
  GCancellable *cancellable;
  GAsyncResult *result;
  gboolean at_once;             /* applied as soon as it ends, held or not */
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->result);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->self);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadJob, load_job_free)

static void
apply_load (LoadJob *ended)
{
  g_autoptr(LoadJob) job = ended;
  MeasuresSession *self = job->self;
  g_autoptr(MeasuresCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  catalog = measures_loader_load_finish (job->result, &error);

  /* A stopped session shows nothing more; a load replaced by a newer one
   * leaves the session to that one. */
  if (self->stopped || job->cancellable != self->cancellable)
    return;

  /* Cancelled after it ended, while it waited to be shown. */
  if (catalog != NULL && g_cancellable_is_cancelled (job->cancellable))
    g_clear_pointer (&catalog, measures_catalog_free);

  if (catalog == NULL)
    {
      /* Cancelled by the user: what was loaded before stays. */
      set_loading (self, FALSE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Loading failed: %s", error->message);
      return;
    }

  prepare_orders (catalog->index);
  take_catalog (self, catalog);
}

static void
apply_pending_loads (MeasuresSession *self)
{
  GList *pending = g_steal_pointer (&self->pending_loads);

  g_clear_handle_id (&self->pending_source, g_source_remove);
  for (GList *l = pending; l != NULL; l = l->next)
    apply_load (l->data);
  g_list_free (pending);
}

static gboolean
apply_pending_loads_cb (gpointer data)
{
  MeasuresSession *self = data;

  self->pending_source = 0;
  apply_pending_loads (self);

  return G_SOURCE_REMOVE;
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  LoadJob *job = user_data;
  MeasuresSession *self = job->self;

  job->result = g_object_ref (result);
  if (!self->held || self->stopped || job->at_once)
    {
      apply_load (job);
      return;
    }

  /* Held: once released, or soon if it never is. */
  self->pending_loads = g_list_append (self->pending_loads, job);
  if (self->pending_source == 0)
    self->pending_source = g_timeout_add (1000, apply_pending_loads_cb, self);
}

static void
start_load (MeasuresSession *self,
            GPtrArray       *files,
            gboolean         at_once)
{
  LoadJob *job = g_new0 (LoadJob, 1);

  job->at_once = at_once;
  job->self = g_object_ref (self);
  job->cancellable = g_object_ref (self->cancellable);
  measures_loader_load_with_progress_async ((GFile * const *) files->pdata, files->len, &self->progress,
                                            job->cancellable, load_cb, job);
}

static gboolean
start_deferred_load_cb (gpointer data)
{
  MeasuresSession *self = data;
  g_autoptr(GPtrArray) files = g_steal_pointer (&self->deferred_files);

  self->deferred_source = 0;
  if (files != NULL && !self->stopped)
    start_load (self, files, FALSE);

  return G_SOURCE_REMOVE;
}

static void
drop_deferred_load (MeasuresSession *self)
{
  g_clear_pointer (&self->deferred_files, g_ptr_array_unref);
  g_clear_handle_id (&self->deferred_source, g_source_remove);
}

/**
 * measures_session_reload:
 *
 * Loads the datasets again, whole: the bundled one unless it is hidden,
 * then those the user opened. The load runs in a thread; #MeasuresSession:loading
 * is %TRUE meanwhile.
 */
void
measures_session_reload (MeasuresSession *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean own;

  g_return_if_fail (MEASURES_IS_SESSION (self));

  if (self->stopped)
    return;

  if (self->show_bundled)
    g_ptr_array_add (files, measures_loader_get_bundled_file ());
  for (guint i = 0; i < self->sources->len; i++)
    g_ptr_array_add (files, g_object_ref (g_ptr_array_index (self->sources, i)));
  /* Last: its edited copies replace the measures they were made from. */
  own = self->own_records != NULL && measures_own_records_has_file (self->own_records);
  if (own)
    g_ptr_array_add (files, g_object_ref (measures_own_records_get_file (self->own_records)));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  drop_deferred_load (self);

  if (files->len == 0)
    {
      g_autoptr(MeasuresCatalog) none = g_new0 (MeasuresCatalog, 1);

      none->datasets = g_ptr_array_new ();
      none->measures = g_ptr_array_new ();
      none->problems = g_ptr_array_new ();
      none->index = measures_index_new (none->measures);
      take_catalog (self, none);
      return;
    }

  set_loading (self, TRUE);

  /* Loading can take both cores for a while: a held session starts it
   * once released (the window is painted), or after half a second. The
   * bundled measures alone, as a new user has them, take milliseconds:
   * they are read at once and shown as soon as they are, with the
   * user's own measures, which are few. */
  if (self->held && !(files->len == 1u + own && self->show_bundled))
    {
      self->deferred_files = g_steal_pointer (&files);
      self->deferred_source = g_timeout_add (500, start_deferred_load_cb, self);
      return;
    }

  start_load (self, files, self->held);
}

/**
 * measures_session_load:
 * @files: (array length=n_files): dataset files or folders; none means
 *   the bundled dataset
 * @n_files: the number of files
 * @cancellable: (nullable): a cancellable
 *
 * Loads @files in the calling thread, for the command line, and evaluates
 * the query on them.
 *
 * Returns: %FALSE if cancelled, and nothing changed
 */
gboolean
measures_session_load (MeasuresSession *self,
                       GFile * const   *files,
                       guint            n_files,
                       GCancellable    *cancellable)
{
  g_autoptr(MeasuresCatalog) catalog = NULL;

  g_return_val_if_fail (MEASURES_IS_SESSION (self), FALSE);

  catalog = measures_loader_load_catalog (files, n_files, cancellable);
  if (g_cancellable_is_cancelled (cancellable))
    return FALSE;

  take_catalog (self, catalog);

  return TRUE;
}

/**
 * measures_session_cancel_load:
 *
 * Stops the current load; what was loaded before stays.
 */
void
measures_session_cancel_load (MeasuresSession *self)
{
  g_return_if_fail (MEASURES_IS_SESSION (self));

  g_cancellable_cancel (self->cancellable);

  /* Not started yet: there is nothing to wait for. */
  if (self->deferred_files != NULL)
    {
      drop_deferred_load (self);
      set_loading (self, FALSE);
    }
}

/**
 * measures_session_hold:
 *
 * Holds loads back while a window is not painted yet, so that it appears
 * at once whatever the data: a load starts once
 * measures_session_release() is called, or after half a second; a load
 * that ended meanwhile is applied then, or after a second. The bundled
 * dataset alone is loaded and applied at once.
 */
void
measures_session_hold (MeasuresSession *self)
{
  g_return_if_fail (MEASURES_IS_SESSION (self));

  self->held = TRUE;
}

/**
 * measures_session_release:
 *
 * Starts what measures_session_hold() held back; loads that ended are
 * applied from the main loop, not inside the caller (a frame's paint).
 */
void
measures_session_release (MeasuresSession *self)
{
  g_return_if_fail (MEASURES_IS_SESSION (self));

  if (!self->held)
    return;

  self->held = FALSE;
  if (self->deferred_files != NULL)
    {
      g_clear_handle_id (&self->deferred_source, g_source_remove);
      start_deferred_load_cb (self);
    }
  if (self->pending_loads != NULL)
    {
      g_clear_handle_id (&self->pending_source, g_source_remove);
      self->pending_source = g_idle_add_full (G_PRIORITY_DEFAULT, apply_pending_loads_cb, self, NULL);
    }
}

/**
 * measures_session_stop:
 *
 * Stops all work at once, for a window that closes: the load is
 * cancelled, its timers removed, and nothing changes any more.
 */
void
measures_session_stop (MeasuresSession *self)
{
  g_return_if_fail (MEASURES_IS_SESSION (self));

  self->stopped = TRUE;
  g_cancellable_cancel (self->cancellable);
  drop_deferred_load (self);
  set_loading (self, FALSE);

  /* Loads that ended unseen: each held the session. */
  apply_pending_loads (self);
}

/* The datasets the user opened */

/* Keeps the datasets the user opened for the next session. */
void
_measures_session_save_sources (MeasuresSession *self)
{
  g_autoptr(GStrvBuilder) uris = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  if (self->settings == NULL || !self->remember_sources)
    return;

  for (guint i = 0; i < self->sources->len; i++)
    {
      g_autofree char *uri = g_file_get_uri (g_ptr_array_index (self->sources, i));

      g_strv_builder_add (uris, uri);
    }
  list = g_strv_builder_end (uris);

  g_settings_set_strv (self->settings, "datasets", (const char * const *) list);
  g_settings_set_boolean (self->settings, "show-bundled", self->show_bundled);
}

void
measures_session_set_show_bundled (MeasuresSession *self,
                                   gboolean         show_bundled)
{
  g_return_if_fail (MEASURES_IS_SESSION (self));

  if (self->show_bundled == !!show_bundled)
    return;

  self->show_bundled = !!show_bundled;
  self->remember_sources = TRUE;
  _measures_session_save_sources (self);
  measures_session_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_BUNDLED]);
}

gboolean
measures_session_get_show_bundled (MeasuresSession *self)
{
  g_return_val_if_fail (MEASURES_IS_SESSION (self), FALSE);

  return self->show_bundled;
}

/* The query, the order and their settings */

static const struct {
  const char *key;
  MeasuresFacet facet;
} facet_keys[] = {
  { "filter-countries", MEASURES_FACET_COUNTRY },
  { "filter-regions", MEASURES_FACET_REGION },
  { "filter-types", MEASURES_FACET_TYPE },
  { "filter-forms", MEASURES_FACET_FORM },
};

/**
 * measures_session_save:
 *
 * Keeps the filters, the search and the order for the next session, and
 * writes the library's changes now.
 */
void
measures_session_save (MeasuresSession *self)
{
  int from, to;

  g_return_if_fail (MEASURES_IS_SESSION (self));

  if (self->settings == NULL)
    return;

  g_settings_delay (self->settings);
  for (guint i = 0; i < G_N_ELEMENTS (facet_keys); i++)
    g_settings_set_strv (self->settings, facet_keys[i].key,
                         measures_query_get_chosen (self->query, facet_keys[i].facet));
  measures_query_get_years (self->query, &from, &to);
  g_settings_set (self->settings, "filter-years", "(ii)", from, to);
  g_settings_set_string (self->settings, "search", measures_query_get_search (self->query));
  g_settings_set_boolean (self->settings, "search-notes-only", measures_query_get_notes_only (self->query));
  g_settings_set_boolean (self->settings, "filter-starred", measures_query_get_starred (self->query));
  g_settings_set_strv (self->settings, "filter-collections", measures_query_get_collections (self->query));
  g_settings_set_string (self->settings, "sort-by", measures_session_get_sort_by (self));
  g_settings_apply (self->settings);
  measures_library_save (self->library, NULL);
}

static void
restore (MeasuresSession *self)
{
  g_auto(GStrv) countries = g_settings_get_strv (self->settings, "filter-countries");
  g_auto(GStrv) regions = g_settings_get_strv (self->settings, "filter-regions");
  g_auto(GStrv) types = g_settings_get_strv (self->settings, "filter-types");
  g_auto(GStrv) forms = g_settings_get_strv (self->settings, "filter-forms");
  g_autofree char *search = g_settings_get_string (self->settings, "search");
  g_autofree char *sort_by = g_settings_get_string (self->settings, "sort-by");
  g_auto(GStrv) collections = g_settings_get_strv (self->settings, "filter-collections");
  g_autoptr(GPtrArray) known = g_ptr_array_new ();
  int from, to;

  g_settings_get (self->settings, "filter-years", "(ii)", &from, &to);
  if (from != MEASURES_YEAR_NONE && to != MEASURES_YEAR_NONE && from > to)
    from = to = MEASURES_YEAR_NONE;

  measures_query_set_places (self->query, (const char * const *) countries, (const char * const *) regions);
  measures_query_set_types (self->query, (const char * const *) types);
  measures_query_set_forms (self->query, (const char * const *) forms);
  measures_query_set_years (self->query, from, to);
  measures_query_set_search (self->query, search);
  measures_query_set_notes_only (self->query, g_settings_get_boolean (self->settings, "search-notes-only"));
  measures_query_set_starred (self->query, g_settings_get_boolean (self->settings, "filter-starred"));
  for (guint i = 0; collections[i] != NULL; i++)
    if (measures_library_get_collection_name (self->library, collections[i]) != NULL)
      g_ptr_array_add (known, collections[i]);
  g_ptr_array_add (known, NULL);
  measures_query_set_collections (self->query, (const char * const *) known->pdata);
  measures_session_set_sort_by (self, sort_by);
}

/**
 * measures_session_set_sort_by:
 * @sort_by: an order, as measures_sort_from_name() reads it; other
 *   names are ignored
 *
 * Sets the order the measures are shown in. The session keeps it for
 * the next session; the list applies it.
 */
void
measures_session_set_sort_by (MeasuresSession *self,
                              const char      *sort_by)
{
  MeasuresSort sort;
  gboolean descending;

  g_return_if_fail (MEASURES_IS_SESSION (self));

  if (!measures_sort_from_name (sort_by, &sort, &descending) ||
      (sort == self->sort && descending == self->sort_descending))
    return;

  self->sort = sort;
  self->sort_descending = descending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_BY]);
}

const char *
measures_session_get_sort_by (MeasuresSession *self)
{
  g_return_val_if_fail (MEASURES_IS_SESSION (self), NULL);

  return measures_sort_to_name (self->sort, self->sort_descending);
}

/**
 * measures_session_get_sort:
 * @sort: (out): the order
 * @descending: (out): whether it is reversed
 */
void
measures_session_get_sort (MeasuresSession *self,
                           MeasuresSort    *sort,
                           gboolean        *descending)
{
  g_return_if_fail (MEASURES_IS_SESSION (self));

  *sort = self->sort;
  *descending = self->sort_descending;
}

/* Getters */

/**
 * measures_session_get_datasets:
 *
 * Returns: (transfer none): a list model of #MeasuresDataset, one for
 *   each file loaded
 */
GListModel *
measures_session_get_datasets (MeasuresSession *self)
{
  g_return_val_if_fail (MEASURES_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->datasets);
}

/**
 * measures_session_get_index:
 *
 * Returns: (transfer none): the index of every measure loaded; empty
 *   before the first load
 */
MeasuresIndex *
measures_session_get_index (MeasuresSession *self)
{
  g_return_val_if_fail (MEASURES_IS_SESSION (self), NULL);

  return self->index;
}

/**
 * measures_session_get_query:
 *
 * Returns: (transfer none): the query; its changes are evaluated at once
 */
MeasuresQuery *
measures_session_get_query (MeasuresSession *self)
{
  g_return_val_if_fail (MEASURES_IS_SESSION (self), NULL);

  return self->query;
}

/**
 * measures_session_get_library:
 *
 * Returns: (transfer none): the user's marks, which the query reads
 */
MeasuresLibrary *
measures_session_get_library (MeasuresSession *self)
{
  g_return_val_if_fail (MEASURES_IS_SESSION (self), NULL);

  return self->library;
}

/**
 * measures_session_get_result:
 *
 * Returns: (transfer none): the measures the query matches, and the
 *   counts of each filter value
 */
const MeasuresResult *
measures_session_get_result (MeasuresSession *self)
{
  g_return_val_if_fail (MEASURES_IS_SESSION (self), NULL);

  return self->result;
}

/**
 * measures_session_get_problems:
 *
 * Returns: (transfer none) (element-type MeasuresProblem): what the last
 *   load could not read
 */
GPtrArray *
measures_session_get_problems (MeasuresSession *self)
{
  g_return_val_if_fail (MEASURES_IS_SESSION (self), NULL);

  return self->problems;
}

gboolean
measures_session_get_loading (MeasuresSession *self)
{
  g_return_val_if_fail (MEASURES_IS_SESSION (self), FALSE);

  return self->loading;
}

/**
 * measures_session_get_progress:
 *
 * Returns: how far the load is, from 0 to 1; 0 also while a large file
 *   gives no figures until it is read
 */
double
measures_session_get_progress (MeasuresSession *self)
{
  g_return_val_if_fail (MEASURES_IS_SESSION (self), 0);

  return self->loading ? g_atomic_int_get (&self->progress) / 1000.0 : 0;
}

/**
 * measures_session_set_own_records:
 * @own_records: the user's own measures, "My Measures"
 *
 * Shows @own_records after every other dataset, so that an edited copy
 * replaces the measure it was made from, and loads again each time they
 * are saved (the other datasets from their caches). Call it once, before
 * the first load.
 */
void
measures_session_set_own_records (MeasuresSession    *self,
                                  MeasuresOwnRecords *own_records)
{
  g_return_if_fail (MEASURES_IS_SESSION (self));
  g_return_if_fail (self->own_records == NULL && MEASURES_IS_OWN_RECORDS (own_records));

  self->own_records = g_object_ref (own_records);
  g_signal_connect_object (own_records, "saved", G_CALLBACK (measures_session_reload), self, G_CONNECT_SWAPPED);
}

/* GObject */

static void
measures_session_constructed (GObject *object)
{
  MeasuresSession *self = MEASURES_SESSION (object);

  G_OBJECT_CLASS (measures_session_parent_class)->constructed (object);

  if (self->query == NULL)
    self->query = measures_query_new ();
  /* The user's own library for the app; the query's, or one in memory,
   * for the command line and tests. */
  if (self->library == NULL && measures_query_get_library (self->query) != NULL)
    self->library = g_object_ref (measures_query_get_library (self->query));
  else if (self->library == NULL)
    self->library = self->settings != NULL ? measures_library_get_default () : measures_library_new (NULL);
  measures_query_set_library (self->query, self->library);
  if (self->settings != NULL)
    restore (self);

  evaluate (self);
  g_signal_connect_object (self->query, "changed", G_CALLBACK (query_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library, "changed", G_CALLBACK (library_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
measures_session_dispose (GObject *object)
{
  MeasuresSession *self = MEASURES_SESSION (object);

  measures_session_stop (self);

  G_OBJECT_CLASS (measures_session_parent_class)->dispose (object);
}

static gboolean
drop_cb (gpointer data)
{
  g_object_unref (data);

  return G_SOURCE_REMOVE;
}

/* Freeing the records of a large index takes longer than anything else a
 * process does as it ends, and the kernel takes their memory back at once
 * anyway. So @object, which holds records, goes a second later, on the
 * main context: a window closed while others stay frees it, while the
 * command line, which runs no main loop, and the app closing its last
 * window, end first and never spend the time. A process that must free
 * everything for a leak checker (G_DEBUG=gc-friendly, as the tests and
 * the valgrind and sanitizer runs have) frees it at once. */
static void
drop_later (gpointer object)
{
  if (object == NULL)
    return;

  if (g_mem_gc_friendly)
    g_object_unref (object);
  else
    g_timeout_add_full (G_PRIORITY_LOW, 1000, drop_cb, object, NULL);
}

static void
measures_session_finalize (GObject *object)
{
  MeasuresSession *self = MEASURES_SESSION (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->removed);
  g_clear_object (&self->own_records);
  g_clear_object (&self->settings);
  drop_later (g_steal_pointer (&self->datasets));
  drop_later (g_steal_pointer (&self->index));
  g_clear_object (&self->query);
  g_clear_object (&self->library);
  g_clear_pointer (&self->result, measures_result_free);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (measures_session_parent_class)->finalize (object);
}

static void
measures_session_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MeasuresSession *self = MEASURES_SESSION (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_QUERY:
      g_value_set_object (value, self->query);
      break;
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, measures_session_get_progress (self));
      break;
    case PROP_SHOW_BUNDLED:
      g_value_set_boolean (value, self->show_bundled);
      break;
    case PROP_SORT_BY:
      g_value_set_string (value, measures_session_get_sort_by (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_session_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MeasuresSession *self = MEASURES_SESSION (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_QUERY:
      self->query = g_value_dup_object (value);
      break;
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;
    case PROP_SHOW_BUNDLED:
      measures_session_set_show_bundled (self, g_value_get_boolean (value));
      break;
    case PROP_SORT_BY:
      measures_session_set_sort_by (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_session_class_init (MeasuresSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = measures_session_constructed;
  object_class->dispose = measures_session_dispose;
  object_class->finalize = measures_session_finalize;
  object_class->get_property = measures_session_get_property;
  object_class->set_property = measures_session_set_property;

  /**
   * MeasuresSession:settings:
   *
   * The application's settings, which the datasets, the filters and
   * the order are restored from and saved to; %NULL for none.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * MeasuresSession:query:
   *
   * The query that chooses the measures; a new one by default.
   */
  properties[PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL, MEASURES_TYPE_QUERY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * MeasuresSession:library:
   *
   * The stars, collections, notes and saved searches the query reads;
   * by default the query's, else the user's with settings (see
   * measures_library_get_default()), else one of its own in memory.
   */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, MEASURES_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MeasuresSession:progress:
   *
   * How far the load is, from 0 to 1. While loading it is notified ten
   * times a second, changed or not, so that a view can pulse a bar while
   * it stays at 0.
   */
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_BUNDLED] =
    g_param_spec_boolean ("show-bundled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MeasuresSession:sort-by:
   *
   * The order of the measures, as measures_sort_from_name() reads it.
   */
  properties[PROP_SORT_BY] =
    g_param_spec_string ("sort-by", NULL, NULL, "none",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MeasuresSession::loaded:
   *
   * A load was applied: the datasets, the index and the problems are
   * new. #MeasuresSession::result-changed follows.
   */
  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * MeasuresSession::result-changed:
   *
   * The query was evaluated again, after it changed or after a load.
   */
  signals[RESULT_CHANGED] =
    g_signal_new ("result-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
measures_session_init (MeasuresSession *self)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  self->cancellable = g_cancellable_new ();
  self->datasets = g_list_store_new (MEASURES_TYPE_DATASET);
  self->index = measures_index_new (none);
  self->sources = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) measures_problem_free);
  self->show_bundled = TRUE;
}

/**
 * measures_session_new:
 * @settings: (nullable): the application's settings, to restore the
 *   last session from and save this one to
 *
 * Returns: (transfer full): a session with nothing loaded yet
 */
MeasuresSession *
measures_session_new (GSettings *settings)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (MEASURES_TYPE_SESSION, "settings", settings, NULL);
}
