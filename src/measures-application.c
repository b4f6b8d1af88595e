/* measures-application.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-application"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "measures-about.h"
#include "measures-application.h"
#include "measures-cli.h"
#include "measures-export.h"
#include "measures-fonts.h"
#include "measures-options.h"
#include "measures-preferences-window.h"
#include "measures-search-provider.h"
#include "measures-settings.h"
#include "measures-window.h"

/* Started by D-Bus to answer the Shell's search, the application quits
 * this long after the last call, as GLib's services do. */
#define SERVICE_IDLE_MS 10000

struct _MeasuresApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  GPtrArray *settings_problems;  /* told in the first window */
  MeasuresOptions *options;      /* --help's, with the formats and languages */
  MeasuresSearchProvider *search_provider;  /* once on the bus */
};

G_DEFINE_FINAL_TYPE (MeasuresApplication, measures_application, ADW_TYPE_APPLICATION)

/* *INDENT-OFF* */
static GFile **
files_from_options (GVariantDict *options,
                    GFile        *(*make_file) (const char *, gpointer),
                    gpointer      data,
                    guint        *n_files)
/* *INDENT-ON* */
{
  g_autofree const char **names = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  gsize n = 0;

  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &names))
    n = g_strv_length ((char **) names);

  for (gsize i = 0; i < n; i++)
    g_ptr_array_add (files, make_file (names[i], data));

  *n_files = files->len;
  g_ptr_array_add (files, NULL);

  return (GFile **) g_ptr_array_free (g_steal_pointer (&files), FALSE);
}

static void
free_files (GFile **files)
{
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    g_object_unref (files[i]);
  g_free (files);
}

static GFile *
local_file (const char *arg,
            gpointer    data)
{
  return g_file_new_for_commandline_arg (arg);
}

static GFile *
remote_file (const char *arg,
             gpointer    data)
{
  return g_application_command_line_create_file_for_arg (data, arg);
}

/* The filters of the command line, or NULL with @error set when an
 * option is malformed. */
static MeasuresQuery *
query_from_options (GVariantDict  *options,
                    GError       **error)
{
  g_autofree const char **countries = NULL;
  g_autofree const char **regions = NULL;
  g_autofree const char **types = NULL;
  g_autofree const char **forms = NULL;
  const char *years = NULL;
  const char *search = NULL;

  g_variant_dict_lookup (options, "country", "^a&s", &countries);
  g_variant_dict_lookup (options, "region", "^a&s", &regions);
  g_variant_dict_lookup (options, "type", "^a&s", &types);
  g_variant_dict_lookup (options, "form", "^a&s", &forms);
  g_variant_dict_lookup (options, "year", "&s", &years);
  g_variant_dict_lookup (options, "search", "&s", &search);

  return measures_cli_query_new (countries, regions, types, forms, years, search, error);
}

/* --starred and --collection, resolved against @library, or when it is
 * NULL against the user's library file, read and left as it is. */
static gboolean
marks_from_options (GVariantDict     *options,
                    MeasuresQuery    *query,
                    MeasuresLibrary  *library,
                    GError          **error)
{
  g_autofree const char **collections = NULL;
  g_autoptr(MeasuresLibrary) read = NULL;
  gboolean starred = g_variant_dict_contains (options, "starred");

  g_variant_dict_lookup (options, "collection", "^a&s", &collections);
  if (!starred && collections == NULL)
    return TRUE;

  if (library == NULL)
    {
      g_autoptr(GFile) file = measures_library_get_default_file ();

      read = measures_library_new (file);
      if (!measures_library_read (read, error))
        return FALSE;
      library = read;
    }

  return measures_cli_query_set_marks (query, starred, collections, library, error);
}

static gboolean
has_filter_options (GVariantDict *options)
{
  static const char * const names[] = {
    "country", "region", "type", "form", "year", "search", "starred", "collection",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_variant_dict_contains (options, names[i]))
      return TRUE;

  return FALSE;
}

/* Modes that print and exit run here, in the calling process, before
 * GTK is initialised, so they need no display. Malformed filters are
 * refused here too, before any window opens. */
/* Writes what the command line prints; says why when it cannot, such as
 * a full disk or a closed standard output. */
static gboolean
write_stdout (const char *data,
              gsize       size)
{
  if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
    {
      int saved = errno;

      /* Translators: %s is the system's reason, such as "No space left on device" */
      g_printerr (_("measures: cannot write to standard output: %s\n"), g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

/* Said when --by or --zoom comes with nothing they shape. */
#define BY_ZOOM_NEED N_("measures: --by needs --chart=coverage or --include=matrix, and --zoom --chart=map or " \
                        "--include=map\n")

static int
measures_application_handle_local_options (GApplication *app,
                                           GVariantDict *options)
{
  g_autoptr(MeasuresQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree const char **names = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "measures", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  /* In every mode, the window's too: FILE "" is no folder. */
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &names);
  if (!measures_cli_check_file_names (names, &error))
    {
      g_printerr ("measures: %s\n", error->message);
      return MEASURES_EXIT_FAILURE;
    }

  query = query_from_options (options, &error);
  if (query == NULL || !marks_from_options (options, query, NULL, &error))
    {
      g_printerr ("measures: %s\n", error->message);
      return MEASURES_EXIT_FAILURE;
    }

  if (g_variant_dict_contains (options, "export"))
    {
      g_autoptr(GString) err = g_string_new (NULL);
      g_autoptr(GBytes) out = NULL;
      const char *path = NULL, *format = NULL, *lang = NULL, *chart = NULL, *by = NULL, *zoom = NULL;
      g_autofree const char **include = NULL;
      double scale = 1;
      GFile **files;
      guint n_files;
      int status;

      g_variant_dict_lookup (options, "export", "^&ay", &path);
      g_variant_dict_lookup (options, "format", "&s", &format);
      g_variant_dict_lookup (options, "lang", "&s", &lang);
      g_variant_dict_lookup (options, "chart", "&s", &chart);
      g_variant_dict_lookup (options, "scale", "d", &scale);

      g_variant_dict_lookup (options, "by", "&s", &by);
      g_variant_dict_lookup (options, "zoom", "&s", &zoom);
      g_variant_dict_lookup (options, "include", "^a&s", &include);

      files = files_from_options (options, local_file, NULL, &n_files);
      if (include != NULL && (measures_cli_is_coverage_chart (chart) || measures_cli_is_chart_export (path, format)))
        {
          g_string_append (err, _("measures: --include is for a summary in pdf, html or md\n"));
          status = MEASURES_EXIT_FAILURE;
        }
      else if (measures_cli_is_coverage_chart (chart))
        status = measures_cli_export_coverage (files, n_files, query, path, format, chart, by, zoom, scale, &out, err);
      else if (include == NULL && (by != NULL || zoom != NULL))
        {
          g_string_append (err, _(BY_ZOOM_NEED));
          status = MEASURES_EXIT_FAILURE;
        }
      else if (measures_cli_is_chart_export (path, format))
        status = measures_cli_export_chart (files, n_files, query, path, format, chart, scale, &out, err);
      else if (chart != NULL || g_variant_dict_contains (options, "scale"))
        {
          g_string_append (err, _("measures: --chart and --scale need --export with a .png or .svg file\n"));
          status = MEASURES_EXIT_FAILURE;
        }
      else
        status = measures_cli_export (files, n_files, query, path, format, lang, include, by, zoom, &out, err);
      free_files (files);

      fputs (err->str, stderr);
      if (out != NULL && !write_stdout (g_bytes_get_data (out, NULL), g_bytes_get_size (out)))
        status = MEASURES_EXIT_FAILURE;

      return status;
    }

  if (g_variant_dict_contains (options, "chart") || g_variant_dict_contains (options, "scale"))
    {
      g_printerr ("%s", _("measures: --chart and --scale need --export with a .png or .svg file\n"));
      return MEASURES_EXIT_FAILURE;
    }

  if (g_variant_dict_contains (options, "by") || g_variant_dict_contains (options, "zoom"))
    {
      g_printerr ("%s", _(BY_ZOOM_NEED));
      return MEASURES_EXIT_FAILURE;
    }

  if (g_variant_dict_contains (options, "include"))
    {
      g_printerr ("%s", _("measures: --include needs --export with a .pdf, .html or .md file\n"));
      return MEASURES_EXIT_FAILURE;
    }

  if (g_variant_dict_contains (options, "count"))
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) err = g_string_new (NULL);
      GFile **files;
      guint n_files;
      int status;

      files = files_from_options (options, local_file, NULL, &n_files);
      status = measures_cli_count (files, n_files, query, out, err);
      free_files (files);

      fputs (err->str, stderr);
      if (!write_stdout (out->str, out->len))
        status = MEASURES_EXIT_FAILURE;

      return status;
    }

  return G_APPLICATION_CLASS (measures_application_parent_class)->handle_local_options (app, options);
}

/* Settings that had to be reset are told once, in the first window. */
static void
report_settings (MeasuresApplication *self,
                 MeasuresWindow      *window)
{
  if (self->settings_problems == NULL)
    return;

  measures_window_report_settings (window, self->settings_problems);
  g_clear_pointer (&self->settings_problems, g_ptr_array_unref);
}

static int
measures_application_command_line (GApplication            *app,
                                   GApplicationCommandLine *command_line)
{
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autoptr(MeasuresQuery) query = NULL;
  MeasuresWindow *window = NULL;
  GFile **files;
  guint n_files;

  /* Checked already by the process that was started. */
  query = query_from_options (options, NULL);
  files = files_from_options (options, remote_file, command_line, &n_files);

  if (n_files == 0)
    window = MEASURES_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  if (window == NULL)
    {
      window = measures_window_new (MEASURES_APPLICATION (app));
      measures_window_open (window, files, n_files);
      report_settings (MEASURES_APPLICATION (app), window);
    }

  if (query != NULL && has_filter_options (options) &&
      marks_from_options (options, query, measures_session_get_library (measures_window_get_session (window)), NULL))
    measures_query_assign (measures_window_get_query (window), query);

  gtk_window_present (GTK_WINDOW (window));
  free_files (files);

  return EXIT_SUCCESS;
}

/* A window on the library: the bundled measures unless hidden, and the
 * datasets of the last session. */
static MeasuresWindow *
library_window_new (MeasuresApplication *self)
{
  MeasuresWindow *window = measures_window_new (self);

  measures_window_open (window, NULL, 0);
  report_settings (self, window);

  return window;
}

/* Files opened from the desktop (D-Bus Open, as Files and
 * `gapplication launch` send it) get a window of their own, as they do
 * from the command line. */
static void
measures_application_open (GApplication  *app,
                           GFile        **files,
                           int            n_files,
                           const char    *hint)
{
  MeasuresWindow *window = measures_window_new (MEASURES_APPLICATION (app));

  measures_window_open (window, files, n_files);
  report_settings (MEASURES_APPLICATION (app), window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
measures_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (library_window_new (MEASURES_APPLICATION (app)));

  gtk_window_present (window);
}

/* GNOME Shell's search */

/* Where a result or a search from the Shell is shown: a window that
 * shows the library, else the active window, else a new window on the
 * library (@fresh). */
static MeasuresWindow *
search_window (MeasuresApplication *self,
               gboolean            *fresh)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  *fresh = FALSE;
  for (GList *l = windows; l != NULL; l = l->next)
    if (MEASURES_IS_WINDOW (l->data) &&
        measures_search_provider_shows_library (self->search_provider,
                                                measures_window_get_session (l->data)))
      return l->data;

  for (GList *l = windows; l != NULL; l = l->next)
    if (MEASURES_IS_WINDOW (l->data))
      return l->data;

  *fresh = TRUE;

  return library_window_new (self);
}

/* The search the Shell made, as the window's query: nothing else. */
static void
set_search (MeasuresWindow *window,
            const char     *search)
{
  g_autoptr(MeasuresQuery) query = measures_query_new ();

  measures_query_set_search (query, search);
  measures_query_assign (measures_window_get_query (window), query);
}

/* A result the user chose in the Shell, shown once its window has
 * loaded. */
typedef struct
{
  MeasuresApplication *app;
  MeasuresWindow *window;
  MeasuresSession *session;     /* the window's */
  char *id;
  char *search;
  guint32 timestamp;
  gboolean fresh;               /* its window was opened for it */
  gulong result_handler;
  gulong destroy_handler;
} ShowResult;

static void
show_result_free (ShowResult *request)
{
  g_clear_signal_handler (&request->result_handler, request->session);
  g_clear_signal_handler (&request->destroy_handler, request->window);
  g_clear_object (&request->session);
  g_clear_object (&request->window);
  g_clear_object (&request->app);
  g_free (request->id);
  g_free (request->search);
  g_free (request);
}

static gboolean
index_contains (MeasuresIndex *index,
                const char    *id)
{
  guint n = measures_index_get_n_measures (index);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (measures_measure_get_id (measures_index_get_measure (index, i)), id))
      return TRUE;

  return FALSE;
}

static void show_result (ShowResult *request);

static void
show_result_loaded_cb (MeasuresSession *session,
                       ShowResult      *request)
{
  if (measures_session_get_loading (session))
    return;

  g_clear_signal_handler (&request->result_handler, request->session);
  g_clear_signal_handler (&request->destroy_handler, request->window);
  show_result (request);
}

static void
show_result_window_destroy_cb (GtkWidget  *window,
                               ShowResult *request)
{
  show_result_free (request);
}

static void
show_result_in (ShowResult     *request,
                MeasuresWindow *window)
{
  g_set_object (&request->window, window);
  g_set_object (&request->session, measures_window_get_session (window));
  gtk_window_present_with_time (GTK_WINDOW (window), request->timestamp);
  show_result (request);
}

/* Selects the measure, clearing the filters if they hide it; a window
 * whose datasets lack it leaves it to a window on the library. Takes
 * @request. */
static void
show_result (ShowResult *request)
{
  if (measures_session_get_loading (request->session))
    {
      /* After the list has followed the result. */
      request->result_handler = g_signal_connect_after (request->session, "result-changed",
                                                        G_CALLBACK (show_result_loaded_cb), request);
      request->destroy_handler = g_signal_connect (request->window, "destroy",
                                                   G_CALLBACK (show_result_window_destroy_cb), request);
      return;
    }

  if (!index_contains (measures_session_get_index (request->session), request->id))
    {
      if (!request->fresh)
        {
          request->fresh = TRUE;
          show_result_in (request, library_window_new (request->app));
          return;
        }

      /* Gone from the library since the Shell searched it. */
      show_result_free (request);
      return;
    }

  g_object_set (request->window, "view", "list", NULL);
  if (!measures_window_select (request->window, request->id))
    {
      set_search (request->window, request->search);
      measures_window_select (request->window, request->id);
    }

  show_result_free (request);
}

static void
activate_result_cb (MeasuresApplication    *self,
                    const char             *id,
                    const char * const     *terms,
                    guint                   timestamp,
                    MeasuresSearchProvider *provider)
{
  ShowResult *request = g_new0 (ShowResult, 1);
  MeasuresWindow *window;

  request->app = g_object_ref (self);
  request->id = g_strdup (id);
  request->search = g_strjoinv (" ", (char **) terms);
  request->timestamp = timestamp;
  window = search_window (self, &request->fresh);
  show_result_in (request, window);
}

static void
launch_search_cb (MeasuresApplication    *self,
                  const char * const     *terms,
                  guint                   timestamp,
                  MeasuresSearchProvider *provider)
{
  g_autofree char *search = g_strjoinv (" ", (char **) terms);
  gboolean fresh;
  MeasuresWindow *window = search_window (self, &fresh);

  set_search (window, search);
  gtk_window_present_with_time (GTK_WINDOW (window), timestamp);
}

/* The search provider lives on the application's own connection, as
 * search-provider.ini tells the Shell. */
static gboolean
measures_application_dbus_register (GApplication     *app,
                                    GDBusConnection  *connection,
                                    const char       *object_path,
                                    GError          **error)
{
  MeasuresApplication *self = MEASURES_APPLICATION (app);
  g_autofree char *path = g_strconcat (object_path, "/SearchProvider", NULL);

  if (!G_APPLICATION_CLASS (measures_application_parent_class)->dbus_register (app, connection,
                                                                               object_path, error))
    return FALSE;

  if (self->search_provider == NULL)
    {
      self->search_provider = measures_search_provider_new (app);
      g_signal_connect_object (self->search_provider, "activate-result",
                               G_CALLBACK (activate_result_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->search_provider, "launch-search",
                               G_CALLBACK (launch_search_cb), self, G_CONNECT_SWAPPED);
    }

  if (!measures_search_provider_export (self->search_provider, connection, path, error))
    return FALSE;

  return TRUE;
}

static void
measures_application_dbus_unregister (GApplication    *app,
                                      GDBusConnection *connection,
                                      const char      *object_path)
{
  MeasuresApplication *self = MEASURES_APPLICATION (app);

  if (self->search_provider != NULL)
    measures_search_provider_unexport (self->search_provider);

  G_APPLICATION_CLASS (measures_application_parent_class)->dbus_unregister (app, connection, object_path);
}

/* Charts and printed pages are drawn in the interface's font, as GTK
 * has it from the desktop. */
static void
interface_font_changed_cb (GtkSettings *settings)
{
  g_autofree char *font_name = NULL;
  g_autofree char *family = NULL;

  g_object_get (settings, "gtk-font-name", &font_name, NULL);
  family = measures_fonts_family_from_name (font_name);
  measures_fonts_set_family (family);
}

static gboolean
preload_cb (gpointer data)
{
  MeasuresApplication *self = data;

  if (self->search_provider != NULL)
    measures_search_provider_preload (self->search_provider);

  return G_SOURCE_REMOVE;
}

static void
measures_application_startup (GApplication *app)
{
  MeasuresApplication *self = MEASURES_APPLICATION (app);

  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.toggle-sidebar", { "F9", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.new-measure", { "<Control>n", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.copy-citation", { "<Control><Shift>c", NULL } },
    { "win.view::list", { "<Control>1", NULL } },
    { "win.view::overview", { "<Control>2", NULL } },
    { "win.view::compare", { "<Control>3", NULL } },
  };

  G_APPLICATION_CLASS (measures_application_parent_class)->startup (app);

  if (g_application_get_flags (app) & G_APPLICATION_IS_SERVICE)
    {
      g_application_set_inactivity_timeout (app, SERVICE_IDLE_MS);
      /* Started by D-Bus, most often for the Shell's first search, which
       * is answered from the cache and then starts loading the library.
       * Started for anything else, the library loads once that is done,
       * so that the Shell's first search finds it loaded. */
      if (self->search_provider != NULL)
        g_idle_add_full (G_PRIORITY_LOW, preload_cb, g_object_ref (self), g_object_unref);
    }

  {
    GtkSettings *gtk_settings = gtk_settings_get_default ();

    if (gtk_settings != NULL)
      {
        g_signal_connect (gtk_settings, "notify::gtk-font-name", G_CALLBACK (interface_font_changed_cb), NULL);
        interface_font_changed_cb (gtk_settings);
      }
  }

  /* Windows apply later changes themselves, before they redraw. */
  self->settings = g_settings_new (SCHEMA_ID);
  self->settings_problems = measures_settings_repair (self->settings);
  measures_preferences_apply_content_language (self->settings);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                           accels[i].action, accels[i].accels);
}

static void
measures_application_dispose (GObject *object)
{
  g_clear_object (&MEASURES_APPLICATION (object)->search_provider);
  g_clear_object (&MEASURES_APPLICATION (object)->settings);
  g_clear_pointer (&MEASURES_APPLICATION (object)->settings_problems, g_ptr_array_unref);

  G_OBJECT_CLASS (measures_application_parent_class)->dispose (object);
}

static void
measures_application_finalize (GObject *object)
{
  g_clear_pointer (&MEASURES_APPLICATION (object)->options, measures_options_free);

  G_OBJECT_CLASS (measures_application_parent_class)->finalize (object);
}

static void
measures_application_class_init (MeasuresApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = measures_application_dispose;
  G_OBJECT_CLASS (klass)->finalize = measures_application_finalize;

  app_class->activate = measures_application_activate;
  app_class->command_line = measures_application_command_line;
  app_class->dbus_register = measures_application_dbus_register;
  app_class->dbus_unregister = measures_application_dbus_unregister;
  app_class->handle_local_options = measures_application_handle_local_options;
  app_class->open = measures_application_open;
  app_class->startup = measures_application_startup;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  measures_about_present (gtk_application_get_active_window (GTK_APPLICATION (user_data)));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (measures_preferences_window_new (window)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing each window lets it save its state first. */
  while (windows != NULL)
    {
      GList *next = windows->next;

      gtk_window_close (windows->data);
      windows = next;
    }
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = about_action },
  { .name = "preferences", .activate = preferences_action },
  { .name = "quit", .activate = quit_action },
};

static void
measures_application_init (MeasuresApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  self->options = measures_options_new ();
  g_application_add_main_option_entries (G_APPLICATION (self), self->options->entries);
  /* Translators: shown in `measures --help` for the files to open */
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Browse measures against violence against women. "
                                              "Without FILE, the bundled measures are opened; "
                                              "FILE is a dataset in the measures-1 JSON format."));
}

MeasuresApplication *
measures_application_new (void)
{
  return g_object_new (MEASURES_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
