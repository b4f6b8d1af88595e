/* measures-search-provider.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-search-provider"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-cache-merge.h"
#include "measures-dataset.h"
#include "measures-loader.h"
#include "measures-own-records.h"
#include "measures-search-provider.h"
#include "measures-vocabulary.h"
#include "measures-window.h"

/**
 * MeasuresSearchProvider:
 *
 * GNOME Shell's search provider (org.gnome.Shell.SearchProvider2) on the
 * application's D-Bus connection: typing in the Activities overview
 * lists the measures of the user's library (the bundled measures unless
 * they are hidden, the datasets the user opened, and My Measures) that a
 * search in the window would give, in the window's order.
 *
 * It answers from an index of the library: a window's, when one shows
 * exactly the library and is not loading; otherwise one of its own,
 * loaded on the first search (from the loader's cache when it still
 * stands for the files), kept while searches follow each other and
 * dropped IDLE_SECONDS after the last. While it loads, the library is
 * searched in the caches of its datasets, merged as the index merges
 * them (measures-cache-merge.c), as the Shell's first search would
 * otherwise wait for the whole load; calls those cannot answer as the
 * index would are answered once it is loaded. Each call holds the application, so
 * that a D-Bus activated instance runs until it has answered and exits
 * when idle.
 *
 * Activating a result or asking for more results is the application's
 * work: #MeasuresSearchProvider::activate-result and
 * #MeasuresSearchProvider::launch-search.
 */

/* The Shell shows a few results per provider: more would only make the
 * reply long when a search is one letter. */
#define MAX_RESULTS 50

/* Our own index is dropped this long after the last search. */
#define IDLE_SECONDS 10

struct _MeasuresSearchProvider
{
  GObject parent_instance;

  /* Borrowed references */
  GApplication *application;    /* owns the provider */

  /* Owned references */
  GSettings *settings;
  GDBusConnection *connection;
  MeasuresSession *session;     /* of the library; NULL until a search */
  GStrv session_library;        /* the URIs @session was loaded from */
  MeasuresIndex *positions_index;
  GHashTable *positions;        /* id → position + 1, in @positions_index */
  MeasuresCacheMerge *quick;    /* of @quick_library's caches, while it loads */
  GStrv quick_library;
  GQueue pending;               /* GDBusMethodInvocation, until loaded;
                                 * answering one frees it */

  /* State */
  guint registration_id;
  guint idle_source;
};

G_DEFINE_FINAL_TYPE (MeasuresSearchProvider, measures_search_provider, G_TYPE_OBJECT)

enum {
  ACTIVATE_RESULT,
  LAUNCH_SEARCH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char interface_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

/* The library */

/* The URIs of the datasets a window opened without files shows: the
 * bundled measures unless hidden, then those the user opened, then My
 * Measures once there is such a file (see measures_session_reload()). */
static GStrv
dup_library (MeasuresSearchProvider *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) datasets = g_settings_get_strv (self->settings, "datasets");

  if (g_settings_get_boolean (self->settings, "show-bundled"))
    {
      g_autoptr(GFile) bundled = measures_loader_get_bundled_file ();
      g_autofree char *uri = g_file_get_uri (bundled);

      g_strv_builder_add (builder, uri);
    }
  g_strv_builder_addv (builder, (const char **) datasets);
  {
    g_autoptr(GFile) own = measures_own_records_get_default_file ();

    if (g_file_query_exists (own, NULL))
      {
        g_autofree char *uri = g_file_get_uri (own);

        g_strv_builder_add (builder, uri);
      }
  }

  return g_strv_builder_end (builder);
}

static gboolean
session_shows (MeasuresSession    *session,
               const char * const *library)
{
  GListModel *datasets = measures_session_get_datasets (session);
  guint n = g_list_model_get_n_items (datasets);

  if (measures_session_get_loading (session) || n != g_strv_length ((char **) library))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MeasuresDataset) dataset = g_list_model_get_item (datasets, i);
      g_autoptr(GFile) file = g_file_new_for_uri (library[i]);

      if (!g_file_equal (measures_dataset_get_file (dataset), file))
        return FALSE;
    }

  return TRUE;
}

/* Our own index is dropped when searches stop. */
static gboolean
idle_cb (gpointer data)
{
  MeasuresSearchProvider *self = data;

  self->idle_source = 0;
  if (g_queue_is_empty (&self->pending))
    {
      g_clear_object (&self->session);
      g_clear_pointer (&self->session_library, g_strfreev);
      g_clear_pointer (&self->positions, g_hash_table_unref);
      g_clear_object (&self->positions_index);
      g_clear_pointer (&self->quick, measures_cache_merge_free);
      g_clear_pointer (&self->quick_library, g_strfreev);
    }

  return G_SOURCE_REMOVE;
}

static void index_positions (MeasuresSearchProvider *self, MeasuresIndex *index);
static gboolean answer (MeasuresSearchProvider *self, GDBusMethodInvocation *invocation, MeasuresIndex *index);

/* Loaded, or the load stopped: what was asked meanwhile is answered. */
static void
loading_changed_cb (MeasuresSearchProvider *self)
{
  MeasuresIndex *index = measures_session_get_index (self->session);
  GDBusMethodInvocation *invocation;

  if (measures_session_get_loading (self->session))
    return;

  /* The index answers from now on. */
  g_clear_pointer (&self->quick, measures_cache_merge_free);
  g_clear_pointer (&self->quick_library, g_strfreev);

  while ((invocation = g_queue_pop_head (&self->pending)) != NULL)
    answer (self, invocation, index);

  /* The Shell asks the metas of what it shows next: the ids of the
   * index are looked up now rather than then. */
  index_positions (self, index);
}

/* The index of a window that shows @library, if one does. */
static MeasuresIndex *
window_index (MeasuresSearchProvider *self,
              const char * const     *uris)
{
  if (GTK_IS_APPLICATION (self->application))
    for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self->application)); l != NULL; l = l->next)
      if (MEASURES_IS_WINDOW (l->data) && session_shows (measures_window_get_session (l->data), uris))
        return measures_session_get_index (measures_window_get_session (l->data));

  return NULL;
}

/* The index that stands for the library, or NULL while ours loads. */
static MeasuresIndex *
find_index (MeasuresSearchProvider *self)
{
  g_auto(GStrv) library = dup_library (self);
  const char * const *uris = (const char * const *) library;
  MeasuresIndex *shown = window_index (self, uris);

  if (shown != NULL)
    return shown;

  if (self->session != NULL && g_strv_equal (uris, (const char * const *) self->session_library))
    return measures_session_get_loading (self->session) ? NULL : measures_session_get_index (self->session);

  /* The library changed, or was never loaded. */
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_pointer (&self->session_library, g_strfreev);

  self->session = measures_session_new (NULL);
  self->session_library = g_steal_pointer (&library);
  g_signal_connect_object (self->session, "notify::loading", G_CALLBACK (loading_changed_cb), self,
                           G_CONNECT_SWAPPED);

  if (self->session_library[0] == NULL)
    /* Nothing to load: the session is empty, and stays so. */
    return measures_session_get_index (self->session);

  {
    g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; self->session_library[i] != NULL; i++)
      g_ptr_array_add (files, g_file_new_for_uri (self->session_library[i]));
    measures_session_open (self->session, (GFile * const *) files->pdata, files->len);
  }

  return measures_session_get_loading (self->session) ? NULL : measures_session_get_index (self->session);
}

/* Answers */

static GVariant *
search (MeasuresSearchProvider *self,
        MeasuresIndex          *index,
        const char * const     *terms,
        const char * const     *previous)
{
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  g_autoptr(MeasuresResult) result = NULL;
  g_autoptr(GHashTable) kept = NULL;
  g_autofree char *text = g_strjoinv (" ", (char **) terms);
  g_autofree char *sort_by = g_settings_get_string (self->settings, "sort-by");
  GVariantBuilder builder;
  MeasuresSort sort = MEASURES_SORT_NONE;
  gboolean descending = FALSE;
  const guint *order;
  guint n_measures = index != NULL ? measures_index_get_n_measures (index) : 0;
  guint n_results = 0;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_STRING_ARRAY);

  /* The rules of the window's search: every word starts a word of the
   * measure, ignoring case and diacritics. */
  measures_query_set_search (query, text);
  if (measures_query_get_search_words (query)[0] == NULL || (index != NULL && n_measures == 0))
    return g_variant_builder_end (&builder);

  /* A subsearch narrows the previous results, unless those were cut at
   * MAX_RESULTS: then it searches anew. */
  if (previous != NULL && g_strv_length ((char **) previous) < MAX_RESULTS)
    {
      kept = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; previous[i] != NULL; i++)
        g_hash_table_add (kept, (gpointer) previous[i]);
    }

  measures_sort_from_name (sort_by, &sort, &descending);

  /* While the index loads: the same search of the caches. */
  if (index == NULL)
    {
      g_autoptr(GPtrArray) ids = measures_cache_merge_find (self->quick, query, sort, descending, MAX_RESULTS,
                                                            kept);

      if (ids == NULL)
        {
          g_variant_builder_clear (&builder);
          return NULL;
        }
      for (guint i = 0; i < ids->len; i++)
        g_variant_builder_add (&builder, "s", g_ptr_array_index (ids, i));
      return g_variant_builder_end (&builder);
    }

  result = measures_index_evaluate (index, query);
  /* The index's own order needs no waiting for the orders it makes on
   * the other core after a load. */
  order = sort != MEASURES_SORT_NONE ? measures_index_get_order (index, sort, descending) : NULL;

  for (guint i = 0; i < n_measures && n_results < MAX_RESULTS; i++)
    {
      const char *id;

      guint position = order != NULL ? order[i] : descending ? n_measures - 1 - i : i;

      if (!measures_bitset_get (result->matches, position))
        continue;

      id = measures_measure_get_id (measures_index_get_measure (index, position));
      if (kept != NULL && !g_hash_table_contains (kept, id))
        continue;

      g_variant_builder_add (&builder, "s", id);
      n_results++;
    }

  return g_variant_builder_end (&builder);
}

/* Where each id of @index stands, made once per index. */
static void
index_positions (MeasuresSearchProvider *self,
                 MeasuresIndex          *index)
{
  guint n = measures_index_get_n_measures (index);

  if (self->positions_index == index)
    return;

  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_set_object (&self->positions_index, index);
  self->positions = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (self->positions,
                         (gpointer) measures_measure_get_id (measures_index_get_measure (index, i)),
                         GUINT_TO_POINTER (i + 1));
}

static MeasuresMeasure *
find_measure (MeasuresSearchProvider *self,
              MeasuresIndex          *index,
              const char             *id)
{
  guint position;

  index_positions (self, index);
  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, id));

  return position > 0 ? measures_index_get_measure (index, position - 1) : NULL;
}

static void
add_meta (GVariantBuilder    *builder,
          const char         *id,
          MeasuresMeasure    *measure,
          const char * const *langs,
          GVariant           *icon)
{
  g_autofree char *country = measures_vocabulary_label (MEASURES_FACET_COUNTRY,
                                                        measures_measure_get_country (measure));
  g_autofree char *years = measures_measure_dup_years_label (measure);
  g_autofree char *description = NULL;

  if (*years != '\0')
    /* Translators: a search result in GNOME Shell, under the title of a
     * measure: its country and its years, as "Romania · 2018–2022" */
    description = g_strdup_printf (C_("search result", "%s · %s"), country, years);
  else
    description = g_steal_pointer (&country);

  g_variant_builder_open (builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (builder, "{sv}", "id", g_variant_new_string (id));
  g_variant_builder_add (builder, "{sv}", "name",
                         g_variant_new_string (measures_measure_resolve_title (measure, langs)));
  g_variant_builder_add (builder, "{sv}", "description", g_variant_new_string (description));
  g_variant_builder_add (builder, "{sv}", "icon", icon);
  g_variant_builder_close (builder);
}

/* The metas of @ids, from @index, or from the cache when @index is NULL:
 * then NULL if a record there cannot be read. */
static GVariant *
result_metas (MeasuresSearchProvider *self,
              MeasuresIndex          *index,
              const char * const     *ids)
{
  g_auto(GStrv) langs = measures_get_content_languages ();
  g_autoptr(GIcon) icon = g_themed_icon_new (APPLICATION_ID);
  g_autoptr(GVariant) serialized_icon = g_variant_ref_sink (g_icon_serialize (icon));
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(MeasuresMeasure) measure = NULL;

      if (index != NULL)
        {
          MeasuresMeasure *found = find_measure (self, index, ids[i]);

          measure = found != NULL ? g_object_ref (found) : NULL;
        }
      else if (!measures_cache_merge_read_measure (self->quick, ids[i], &measure))
        {
          /* Damaged: the index will tell. */
          g_variant_builder_clear (&builder);
          return NULL;
        }

      /* Gone since the search: the Shell shows the others. */
      if (measure == NULL)
        continue;

      add_meta (&builder, ids[i], measure, (const char * const *) langs, serialized_icon);
    }

  return g_variant_builder_end (&builder);
}

/* Answers a search call from @index, or from the cache when it is NULL,
 * and lets the application go; FALSE if the cache cannot answer it. */
static gboolean
answer (MeasuresSearchProvider *self,
        GDBusMethodInvocation  *invocation,
        MeasuresIndex          *index)
{
  const char *method = g_dbus_method_invocation_get_method_name (invocation);
  GVariant *parameters = g_dbus_method_invocation_get_parameters (invocation);
  GVariant *reply = NULL;

  if (g_str_equal (method, "GetInitialResultSet"))
    {
      g_autofree const char **terms = NULL;

      g_variant_get (parameters, "(^a&s)", &terms);
      reply = search (self, index, terms, NULL);
    }
  else if (g_str_equal (method, "GetSubsearchResultSet"))
    {
      g_autofree const char **previous = NULL;
      g_autofree const char **terms = NULL;

      g_variant_get (parameters, "(^a&s^a&s)", &previous, &terms);
      reply = search (self, index, terms, previous);
    }
  else
    {
      g_autofree const char **ids = NULL;

      g_variant_get (parameters, "(^a&s)", &ids);
      reply = result_metas (self, index, ids);
    }

  if (reply == NULL)
    return FALSE;
  if (index == NULL)
    g_debug ("%s answered from the cache", method);

  g_dbus_method_invocation_return_value (invocation, g_variant_new_tuple (&reply, 1));

  g_clear_handle_id (&self->idle_source, g_source_remove);
  self->idle_source = g_timeout_add_seconds (IDLE_SECONDS, idle_cb, self);
  g_application_release (self->application);

  return TRUE;
}

/* Whether the caches of the library can answer while it loads: each of
 * its datasets has one, or is small enough to read at once. */
static gboolean
quick_ready (MeasuresSearchProvider *self)
{
  g_auto(GStrv) library = dup_library (self);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  /* Opened, or found unable, for this library. */
  if (self->quick_library != NULL && g_strv_equal ((const char * const *) library,
                                                   (const char * const *) self->quick_library))
    return self->quick != NULL;

  g_clear_pointer (&self->quick, measures_cache_merge_free);
  g_clear_pointer (&self->quick_library, g_strfreev);

  for (guint i = 0; library[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_uri (library[i]));
  self->quick = measures_cache_merge_open ((GFile * const *) files->pdata, files->len, &error);
  self->quick_library = g_steal_pointer (&library);
  if (self->quick == NULL)
    g_debug ("Searching the library as it loads: %s", error->message);
  else
    g_debug ("Opened the caches of the library (%u measures) in %.1f ms",
             measures_cache_merge_get_n_measures (self->quick), (g_get_monotonic_time () - start) / 1000.0);

  return self->quick != NULL;
}

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  MeasuresSearchProvider *self = user_data;
  MeasuresIndex *index;

  if (g_str_equal (method_name, "ActivateResult"))
    {
      g_autofree const char **terms = NULL;
      const char *id;
      guint32 timestamp;

      g_variant_get (parameters, "(&s^a&su)", &id, &terms, &timestamp);
      g_signal_emit (self, signals[ACTIVATE_RESULT], 0, id, terms, timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
      return;
    }

  if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_autofree const char **terms = NULL;
      guint32 timestamp;

      g_variant_get (parameters, "(^a&su)", &terms, &timestamp);
      g_signal_emit (self, signals[LAUNCH_SEARCH], 0, terms, timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
      return;
    }

  /* Released once answered. */
  g_application_hold (self->application);

  /* The first search is answered from the cache before the library
   * starts loading, so that the two do not share the processor. */
  if (self->session == NULL)
    {
      g_auto(GStrv) library = dup_library (self);

      if (window_index (self, (const char * const *) library) == NULL && quick_ready (self) &&
          answer (self, invocation, NULL))
        {
          find_index (self);
          return;
        }
    }

  index = find_index (self);
  if (index != NULL)
    answer (self, invocation, index);
  else if (quick_ready (self) && answer (self, invocation, NULL))
    return;
  else
    /* Each invocation is ours until it is answered. */
    g_queue_push_tail (&self->pending, invocation);
}

static const GDBusInterfaceVTable vtable = {
  .method_call = method_call_cb,
};

/* GObject */

static void
measures_search_provider_dispose (GObject *object)
{
  MeasuresSearchProvider *self = MEASURES_SEARCH_PROVIDER (object);
  GDBusMethodInvocation *invocation;

  measures_search_provider_unexport (self);
  g_clear_handle_id (&self->idle_source, g_source_remove);

  while ((invocation = g_queue_pop_head (&self->pending)) != NULL)
    {
      g_dbus_method_invocation_return_error_literal (invocation, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                     "The application is quitting");
      g_application_release (self->application);
    }

  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->positions_index);
  g_clear_pointer (&self->quick, measures_cache_merge_free);
  g_clear_pointer (&self->quick_library, g_strfreev);

  G_OBJECT_CLASS (measures_search_provider_parent_class)->dispose (object);
}

static void
measures_search_provider_finalize (GObject *object)
{
  MeasuresSearchProvider *self = MEASURES_SEARCH_PROVIDER (object);

  g_clear_pointer (&self->session_library, g_strfreev);
  g_clear_pointer (&self->positions, g_hash_table_unref);

  G_OBJECT_CLASS (measures_search_provider_parent_class)->finalize (object);
}

static void
measures_search_provider_class_init (MeasuresSearchProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = measures_search_provider_dispose;
  object_class->finalize = measures_search_provider_finalize;

  /**
   * MeasuresSearchProvider::activate-result:
   * @id: the id of the measure chosen
   * @terms: the words searched for
   * @timestamp: the time of the user's click, for focus
   *
   * The user chose a result: show that measure.
   */
  signals[ACTIVATE_RESULT] =
    g_signal_new ("activate-result", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRV, G_TYPE_UINT);
  /**
   * MeasuresSearchProvider::launch-search:
   * @terms: the words searched for
   * @timestamp: the time of the user's click, for focus
   *
   * The user asked for more results: show the window with this search.
   */
  signals[LAUNCH_SEARCH] =
    g_signal_new ("launch-search", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRV, G_TYPE_UINT);
}

static void
measures_search_provider_init (MeasuresSearchProvider *self)
{
  self->settings = g_settings_new (SCHEMA_ID);
  g_queue_init (&self->pending);
}

/* Public API */

/**
 * measures_search_provider_new:
 * @application: the application, which the provider holds while it
 *   answers; with a #GtkApplication, its windows' indexes are used when
 *   they show the library
 *
 * Returns: (transfer full): a search provider, not on the bus yet
 */
MeasuresSearchProvider *
measures_search_provider_new (GApplication *application)
{
  MeasuresSearchProvider *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);

  self = g_object_new (MEASURES_TYPE_SEARCH_PROVIDER, NULL);
  self->application = application;

  return self;
}

/**
 * measures_search_provider_export:
 * @connection: the application's connection
 * @object_path: where the Shell finds it, as search-provider.ini says
 *
 * Puts the provider on the bus.
 *
 * Returns: %FALSE with @error set if it could not be
 */
gboolean
measures_search_provider_export (MeasuresSearchProvider  *self,
                                 GDBusConnection         *connection,
                                 const char              *object_path,
                                 GError                 **error)
{
  g_autoptr(GDBusNodeInfo) node = NULL;

  g_return_val_if_fail (MEASURES_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  node = g_dbus_node_info_new_for_xml (interface_xml, error);
  if (node == NULL)
    return FALSE;

  self->registration_id = g_dbus_connection_register_object (connection, object_path, node->interfaces[0],
                                                             &vtable, self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;

  g_set_object (&self->connection, connection);

  return TRUE;
}

/**
 * measures_search_provider_unexport:
 *
 * Takes the provider off the bus, if it is on it.
 */
void
measures_search_provider_unexport (MeasuresSearchProvider *self)
{
  g_return_if_fail (MEASURES_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
}

/**
 * measures_search_provider_shows_library:
 * @session: a window's session
 *
 * Returns: whether @session shows the library the provider searches,
 *   loaded: the bundled measures unless hidden, and the datasets the
 *   user opened
 */
gboolean
measures_search_provider_shows_library (MeasuresSearchProvider *self,
                                        MeasuresSession        *session)
{
  g_auto(GStrv) library = NULL;

  g_return_val_if_fail (MEASURES_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (MEASURES_IS_SESSION (session), FALSE);

  library = dup_library (self);

  return session_shows (session, (const char * const *) library);
}

/**
 * measures_search_provider_get_loaded:
 *
 * Returns: whether the provider's own index of the library is loaded,
 *   so that searches no longer read the cache
 */
gboolean
measures_search_provider_get_loaded (MeasuresSearchProvider *self)
{
  g_return_val_if_fail (MEASURES_IS_SEARCH_PROVIDER (self), FALSE);

  return self->session != NULL && !measures_session_get_loading (self->session);
}

/**
 * measures_search_provider_preload:
 *
 * Starts loading the library now, as when D-Bus starts the application
 * for the Shell: searches are answered from its cache until it is
 * loaded, and from the index then.
 */
void
measures_search_provider_preload (MeasuresSearchProvider *self)
{
  g_return_if_fail (MEASURES_IS_SEARCH_PROVIDER (self));

  if (self->session == NULL)
    find_index (self);
}
