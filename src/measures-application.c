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

#include "measures-application.h"
#include "measures-cli.h"
#include "measures-preferences-window.h"
#include "measures-settings.h"
#include "measures-window.h"

struct _MeasuresApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  GPtrArray *settings_problems;  /* told in the first window */
};

G_DEFINE_FINAL_TYPE (MeasuresApplication, measures_application, ADW_TYPE_APPLICATION)

static GFile **
files_from_options (GVariantDict *options,
                    GFile        *(*make_file) (const char *, gpointer),
                    gpointer      data,
                    guint        *n_files)
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

static gboolean
has_filter_options (GVariantDict *options)
{
  static const char * const names[] = { "country", "region", "type", "form", "year", "search" };

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
  if (query == NULL)
    {
      g_printerr ("measures: %s\n", error->message);
      return MEASURES_EXIT_FAILURE;
    }

  if (g_variant_dict_contains (options, "export"))
    {
      g_autoptr(GString) err = g_string_new (NULL);
      g_autoptr(GBytes) out = NULL;
      const char *path = NULL, *format = NULL, *lang = NULL, *chart = NULL, *by = NULL, *zoom = NULL;
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

      files = files_from_options (options, local_file, NULL, &n_files);
      if (measures_cli_is_coverage_chart (chart))
        status = measures_cli_export_coverage (files, n_files, query, path, format, chart, by, zoom, scale, &out, err);
      else if (by != NULL || zoom != NULL)
        {
          g_string_append (err, _("measures: --by needs --chart=coverage, and --zoom --chart=map\n"));
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
        status = measures_cli_export (files, n_files, query, path, format, lang, &out, err);
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
      g_printerr ("%s", _("measures: --by needs --chart=coverage, and --zoom --chart=map\n"));
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

  if (query != NULL && has_filter_options (options))
    measures_query_assign (measures_window_get_query (window), query);

  gtk_window_present (GTK_WINDOW (window));
  free_files (files);

  return EXIT_SUCCESS;
}

static void
measures_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (measures_window_new (MEASURES_APPLICATION (app)));
      measures_window_open (MEASURES_WINDOW (window), NULL, 0);
      report_settings (MEASURES_APPLICATION (app), MEASURES_WINDOW (window));
    }

  gtk_window_present (window);
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
    { "win.export", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.view::list", { "<Control>1", NULL } },
    { "win.view::overview", { "<Control>2", NULL } },
    { "win.view::compare", { "<Control>3", NULL } },
  };

  G_APPLICATION_CLASS (measures_application_parent_class)->startup (app);

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
  g_clear_object (&MEASURES_APPLICATION (object)->settings);
  g_clear_pointer (&MEASURES_APPLICATION (object)->settings_problems, g_ptr_array_unref);

  G_OBJECT_CLASS (measures_application_parent_class)->dispose (object);
}

static void
measures_application_class_init (MeasuresApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = measures_application_dispose;

  app_class->activate = measures_application_activate;
  app_class->command_line = measures_application_command_line;
  app_class->handle_local_options = measures_application_handle_local_options;
  app_class->startup = measures_application_startup;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const char *developers[] = { "The Measures authors", NULL };
  GtkApplication *app = user_data;
  GtkWindow *window = gtk_application_get_active_window (app);
  g_auto(GStrv) sources = g_new0 (char *, 3);
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Measures"));
  adw_about_window_set_application_icon (about, APPLICATION_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Measures authors"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_website (about, PACKAGE_WEBSITE);
  adw_about_window_set_issue_url (about, PACKAGE_ISSUES);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_copyright (about, _("© 2026 The Measures authors"));
  adw_about_window_set_comments (about,
                                 _("Browse laws, policies, strategies and services "
                                   "against violence against women, and read each "
                                   "measure in full."));
  /* Translators: Replace "translator-credits" with your name and email,
   * one per line; it is shown in the About window. */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  sources[0] = g_strdup_printf ("%s https://evaw-global-database.unwomen.org",
                                _("UN Women Global Database on Violence against Women"));
  sources[1] = g_strdup_printf ("%s https://legislatie.just.ro",
                                _("Romanian legislation portal"));
  adw_about_window_add_acknowledgement_section (about, _("Sources of the bundled measures"),
                                                (const char **) sources);
  gtk_window_set_transient_for (GTK_WINDOW (about), window);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  gtk_window_present (GTK_WINDOW (about));
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

static const GOptionEntry main_entries[] = {
  { "count", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the number of measures that match and exit, without opening a window"), NULL },
  { "country", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Only measures of this country; repeat for more"), N_("NAME") },
  { "region", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Only measures of this region; repeat for more"), N_("NAME") },
  { "type", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Only measures of this type or category; repeat for more"), N_("VALUE") },
  { "form", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Only measures against this form of violence; repeat for more"), N_("VALUE") },
  { "year", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Only measures in force in these years: 2018, 2018-2022, 2018- or -2010"), N_("YEARS") },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Only measures with words starting with each word of TEXT"), N_("TEXT") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a summary, or a chart as a .png or .svg image, of the measures that match to PATH "
       "(- for standard output) and exit"), N_("PATH") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Format of the export: pdf, html, md, csv, json, png or svg; by default from PATH"), N_("FORMAT") },
  { "chart", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Chart of a .png or .svg export: years, forms, types, timeline, coverage (also .csv) or map; "
       "years by default"), N_("CHART") },
  { "by", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Columns of --chart=coverage: category or form; category by default"), N_("COLUMNS") },
  { "zoom", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Part of the world of --chart=map: world or europe; world by default"), N_("REGION") },
  { "scale", 0, 0, G_OPTION_ARG_DOUBLE, NULL,
    N_("Pixels per unit of a .png export, from 0.25 to 8; 1 by default"), N_("N") },
  { "lang", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Language of the export: en or ro; by default the language of the interface"), N_("LANG") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

static void
measures_application_init (MeasuresApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
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
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
