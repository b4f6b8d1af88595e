/* measures-window.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-window"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-accessible.h"
#include "measures-dataset.h"
#include "measures-preferences-window.h"
#include "measures-text.h"
#include "measures-window-private.h"

/* The window lays out the session it shows and follows it: see
 * measures-window-private.h for the model chain, and
 * measures-window-actions.c for what the user can do. */

G_DEFINE_FINAL_TYPE (MeasuresWindow, measures_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_SHOW_BUNDLED,
  PROP_SORT_BY,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean panes_shown (MeasuresWindow *self);
static void     show_panes  (MeasuresWindow *self);

/* The pages that say why no measure is shown, and their icons. GTK
 * loads an image's icon to measure it, shown or not, and these pages
 * are measured for their width when the panes are first drawn (the list
 * area is as wide whatever it shows); so each gets its icon when first
 * shown.
 * The icons are narrower than the pages' texts: the width is the same. */
static const struct
{
  const char *page;
  const char *icon;
} page_icons[] = {
  { "empty", "io.github.measures.Measures-symbolic" },
  { "no-results", "edit-find-symbolic" },
  { "error", "dialog-error-symbolic" },
};

static void
show_list_page (MeasuresWindow *self,
                const char     *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_icons); i++)
    if (g_str_equal (name, page_icons[i].page))
      {
        AdwStatusPage *page = ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->list_stack, name));

        if (adw_status_page_get_icon_name (page) == NULL)
          adw_status_page_set_icon_name (page, page_icons[i].icon);
      }

  gtk_stack_set_visible_child_name (self->list_stack, name);
}

/* "11 measures", "6 of 11 measures": the title's subtitle, and what a
 * screen reader is told after each change of the filters. */
static char *
dup_count_text (MeasuresWindow *self)
{
  MeasuresIndex *index = measures_session_get_index (self->session);
  const MeasuresResult *result = measures_session_get_result (self->session);
  MeasuresQuery *query = measures_session_get_query (self->session);
  guint total = measures_index_get_n_measures (index);
  guint shown = result != NULL ? result->n_matches : 0;
  g_autofree char *shown_text = NULL;
  g_autofree char *total_text = NULL;

  total_text = measures_text_format_count (total);
  if (measures_query_is_empty (query))
    /* Translators: the window subtitle; %s is the number of measures,
     * with the locale's digit grouping */
    return g_strdup_printf (ngettext ("%s measure", "%s measures", total), total_text);

  shown_text = measures_text_format_count (shown);
  /* Translators: the window subtitle while filtering, "3 of 1,204 measures";
   * each %s is a number, with the locale's digit grouping, and the
   * plural follows the second number */
  return g_strdup_printf (ngettext ("%s of %s measure", "%s of %s measures", total),
                          shown_text, total_text);
}

/* What the list area shows: the matches, the charts, or why there are
 * none; and the count in the title. */
static void
update_view (MeasuresWindow *self)
{
  MeasuresIndex *index = measures_session_get_index (self->session);
  const MeasuresResult *result = measures_session_get_result (self->session);
  MeasuresQuery *query = measures_session_get_query (self->session);
  guint total = measures_index_get_n_measures (index);
  guint shown = result != NULL ? result->n_matches : 0;
  g_autofree char *subtitle = NULL;

  if (self->panes == NULL || measures_session_get_loading (self->session))
    return;

  if (total == 0)
    {
      if (!g_str_equal (gtk_stack_get_visible_child_name (self->list_stack), "error"))
        show_list_page (self, "empty");
      adw_view_switcher_title_set_subtitle (self->window_title, "");
      return;
    }

  subtitle = dup_count_text (self);
  adw_view_switcher_title_set_subtitle (self->window_title, subtitle);

  if (shown == 0)
    {
      g_autofree char *criteria = measures_query_describe (query);
      /* Translators: %s names the filters, such as "Romania · Trafficking · 2018–2022" */
      g_autofree char *description = g_strdup_printf (_("Nothing matches %s"), criteria);

      adw_status_page_set_description (self->no_results_page, description);
    }

  show_list_page (self, shown == 0 ? "no-results" : "views");
}

/* The charts are only computed while they are shown. */
static void
update_overview (MeasuresWindow *self)
{
  const MeasuresResult *result = measures_session_get_result (self->session);

  if (!self->show_overview)
    return;

  measures_overview_view_update (self->overview_view, measures_session_get_index (self->session),
                                 result != NULL ? result->matches : NULL);
}

/* So is the comparison of countries. */
static void
update_compare (MeasuresWindow *self)
{
  const MeasuresResult *result = measures_session_get_result (self->session);

  if (!self->show_compare)
    return;

  measures_compare_view_update (self->compare_view, measures_session_get_index (self->session),
                                result != NULL ? result->matches : NULL);
}

static const char *
get_view (MeasuresWindow *self)
{
  return self->show_overview ? "overview" : self->show_compare ? "compare" : "list";
}

static void
set_view (MeasuresWindow *self,
          const char     *view)
{
  if (g_strcmp0 (view, "list") == 0 || g_strcmp0 (view, "overview") == 0 || g_strcmp0 (view, "compare") == 0)
    {
      _measures_window_ensure_panes (self);
      adw_view_stack_set_visible_child_name (self->view_stack, view);
    }
}

/* A period of the timeline: its measure in the detail pane, selected in
 * the list for when the user goes back to it. */
static void
measure_activated_cb (MeasuresWindow       *self,
                      MeasuresMeasure      *measure,
                      MeasuresOverviewView *view)
{
  if (measures_window_select (self, measures_measure_get_id (measure)))
    _measures_window_show_measure (self);
}

/* The charts and the comparison are built the first time they are
 * shown, whichever way: the window opens on the list, and its first
 * frame comes sooner without them. Their pages hold an empty bin till
 * then; the view switcher needs no more than the pages' titles. */
static void
ensure_views (MeasuresWindow *self,
              gboolean        overview,
              gboolean        compare)
{
  MeasuresQuery *query = measures_session_get_query (self->session);

  if (overview && self->overview_view == NULL)
    {
      self->overview_view = g_object_new (MEASURES_TYPE_OVERVIEW_VIEW, NULL);
      g_signal_connect_object (self->overview_view, "measure-activated",
                               G_CALLBACK (measure_activated_cb), self, G_CONNECT_SWAPPED);
      measures_overview_view_set_query (self->overview_view, query);
      adw_bin_set_child (self->overview_bin, GTK_WIDGET (self->overview_view));
      /* Built after the window was shown: named as its buttons were. */
      measures_accessible_fix_mnemonics (GTK_WIDGET (self->overview_view));
    }

  if (compare && self->compare_view == NULL)
    {
      self->compare_view = g_object_new (MEASURES_TYPE_COMPARE_VIEW, NULL);
      measures_compare_view_set_query (self->compare_view, query);
      adw_bin_set_child (self->compare_bin, GTK_WIDGET (self->compare_view));
      measures_accessible_fix_mnemonics (GTK_WIDGET (self->compare_view));
    }
}

/* The view switcher, the shortcuts and the property all end here. */
static void
view_changed_cb (MeasuresWindow *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);
  gboolean overview = g_strcmp0 (view, "overview") == 0;
  gboolean compare = g_strcmp0 (view, "compare") == 0;

  if (self->show_overview == overview && self->show_compare == compare)
    return;

  ensure_views (self, overview, compare);

  self->show_overview = overview;
  self->show_compare = compare;
  measures_measure_list_set_active (self->measure_list, !overview && !compare);
  update_overview (self);
  update_compare (self);
  update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

/* What a screen reader hears once a load has ended: how many measures
 * there are, and the problems found. */
static void
announce_loaded (MeasuresWindow *self)
{
  GPtrArray *problems = measures_session_get_problems (self->session);
  guint total = measures_index_get_n_measures (measures_session_get_index (self->session));
  g_autofree char *count = measures_text_format_count (total);
  g_autofree char *message = NULL;

  /* Translators: told to screen readers when a load has ended; %s is a
   * number, with the locale's digit grouping */
  message = g_strdup_printf (ngettext ("Loaded %s measure", "Loaded %s measures", total), count);
  if (problems->len > 0)
    {
      g_autofree char *loaded = g_steal_pointer (&message);

      message = g_strdup_printf ("%s. %s", loaded, gtk_label_get_text (self->problem_label));
    }
  _measures_window_announce (self, message);
}

static void
result_changed_cb (MeasuresWindow *self)
{
  MeasuresQuery *query = measures_session_get_query (self->session);
  const MeasuresResult *result = measures_session_get_result (self->session);

  if (self->panes != NULL)
    {
      update_overview (self);
      update_compare (self);
      measures_filter_sidebar_set_result (self->filter_sidebar, result);
      measures_detail_pane_set_highlight (self->detail_pane, measures_query_get_search_words (query));
      update_view (self);
    }

  /* Said after the counts beside the filters have changed. */
  if (self->just_loaded)
    {
      self->just_loaded = FALSE;
      announce_loaded (self);
    }
  else if (measures_index_get_n_measures (measures_session_get_index (self->session)) > 0)
    {
      g_autofree char *count = NULL;

      if (result == NULL || result->n_matches == 0)
        _measures_window_announce (self, _("No Matching Measures"));
      else
        {
          count = dup_count_text (self);
          _measures_window_announce (self, count);
        }
    }
}

/* The menus are built when first opened, by a click, Enter or F10:
 * not before the window's first frame. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  gtk_menu_button_set_create_popup_func (button, NULL, NULL, NULL);
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (user_data));
}

/* Search */

static void
search_changed_cb (MeasuresWindow *self,
                   GtkSearchEntry *entry)
{
  if (self->syncing_search)
    return;

  measures_query_set_search (measures_session_get_query (self->session),
                             gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* The search text can come from the command line or from the last
 * session too; show it where the user types. */
static void
sync_search_entry (MeasuresWindow *self)
{
  /* A copy: setting the entry's text emits search-changed on the way. */
  g_autofree char *search = g_strdup (measures_query_get_search (measures_session_get_query (self->session)));

  if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), search))
    {
      self->syncing_search = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search);
      gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
      self->syncing_search = FALSE;
    }

  if (*search != '\0')
    gtk_search_bar_set_search_mode (self->search_bar, TRUE);
}

static void
stop_search_cb (MeasuresWindow *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* The detail pane shows the measure selected last. One that comes first
 * as the user types a search is laid out when they pause. */
static void
selected_measure_cb (MeasuresWindow *self)
{
  MeasuresMeasure *measure = measures_measure_list_get_selected (self->measure_list);

  if (measures_measure_list_get_following_results (self->measure_list))
    measures_detail_pane_show_later (self->detail_pane, measure);
  else
    measures_detail_pane_set_measure (self->detail_pane, measure);
}

static void
query_changed_cb (MeasuresWindow *self,
                  MeasuresQuery  *query)
{
  sync_search_entry (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-filters",
                                 !measures_query_is_empty (query));
}

/* Loading */

static void
progress_cb (MeasuresWindow *self)
{
  double progress = measures_session_get_progress (self->session);

  /* One large file gives no figures until it is read: pulse meanwhile. */
  if (progress <= 0)
    gtk_progress_bar_pulse (self->load_progress);
  else
    gtk_progress_bar_set_fraction (self->load_progress, progress);
}

/* Busy is a D-Bus property: without a session bus, GLib 2.74 would emit
 * its change on no connection, with a critical. The application that
 * was bound is the one unbound, even once the window has left it. */
static void
bind_busy (MeasuresWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (self->busy_application != NULL || self->closed || app == NULL ||
      g_application_get_dbus_connection (G_APPLICATION (app)) == NULL)
    return;

  self->busy_application = g_object_ref (G_APPLICATION (app));
  g_application_bind_busy_property (self->busy_application, self->session, "loading");
}

static void
unbind_busy (MeasuresWindow *self)
{
  if (self->busy_application == NULL)
    return;

  g_application_unbind_busy_property (self->busy_application, self->session, "loading");
  g_clear_object (&self->busy_application);
}

static gboolean
build_panes_cb (gpointer data)
{
  MeasuresWindow *self = data;

  self->panes_source = 0;
  _measures_window_ensure_panes (self);
  show_panes (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_panes (MeasuresWindow *self)
{
  if (self->panes == NULL && self->panes_source == 0)
    self->panes_source = g_idle_add_full (G_PRIORITY_DEFAULT, build_panes_cb, self, NULL);
}

static void
loading_changed_cb (MeasuresWindow *self)
{
  gboolean loading = measures_session_get_loading (self->session);

  if (loading)
    {
      gtk_progress_bar_set_fraction (self->load_progress, 0);
      if (panes_shown (self))
        show_list_page (self, "loading");
      _measures_window_announce (self, _("Loading measures…"));
    }
  else
    {
      /* Loaded before the panes were built (even before the first
       * frame, if the session's hold ran out): they are built at the
       * next turn of the main loop, once the session has its result. */
      schedule_panes (self);
      show_panes (self);
      update_view (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/**
 * _measures_window_reveal_banner:
 * @banner: a banner at the top of the window
 * @reveal: whether to show it
 *
 * Shows or hides @banner with its transition. A banner is hidden as
 * well as unrevealed once its transition ends: GTK styles and measures
 * what a revealer holds, and loads its icons, even while it is not
 * revealed, and the window's first frame would pay for them.
 */
void
_measures_window_reveal_banner (GtkRevealer *banner,
                                gboolean     reveal)
{
  if (reveal)
    gtk_widget_set_visible (GTK_WIDGET (banner), TRUE);
  gtk_revealer_set_reveal_child (banner, reveal);
}

static void
banner_revealed_cb (GtkRevealer *banner)
{
  if (!gtk_revealer_get_reveal_child (banner) && !gtk_revealer_get_child_revealed (banner))
    gtk_widget_set_visible (GTK_WIDGET (banner), FALSE);
}

static void
show_problems (MeasuresWindow *self,
               GPtrArray      *problems)
{
  g_autofree char *title = NULL;
  g_autofree char *count = NULL;

  if (problems->len == 0)
    {
      _measures_window_reveal_banner (self->problem_banner, FALSE);
      return;
    }

  count = measures_text_format_count (problems->len);
  /* Translators: a banner after loading; %s is a number, with the
   * locale's digit grouping */
  title = g_strdup_printf (ngettext ("%s problem while reading the datasets: what could be read is shown",
                                     "%s problems while reading the datasets: what could be read is shown",
                                     problems->len),
                           count);
  gtk_label_set_text (self->problem_label, title);
  _measures_window_reveal_banner (self->problem_banner, TRUE);
}

static void
shown_paint_cb (GdkFrameClock  *clock,
                MeasuresWindow *self)
{
  gboolean first = !self->panes_painted;

  g_clear_signal_handler (&self->shown_paint_handler, clock);
  self->panes_painted = TRUE;
  g_debug ("Painted %u measures", measures_index_get_n_measures (measures_session_get_index (self->session)));
  if (first)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Tells build-aux/first-launch, and whoever waits for the window to
 * have loaded, when the measures are on screen: after the next frame
 * (at once if the window is not shown). */
static void
announce_shown (MeasuresWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (!panes_shown (self))
    return;

  if (clock == NULL)
    shown_paint_cb (NULL, self);
  else if (self->shown_paint_handler == 0)
    self->shown_paint_handler = g_signal_connect_object (clock, "after-paint", G_CALLBACK (shown_paint_cb), self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The panes show what was loaded: the sidebar its values, and the list
 * area why there is nothing to list, if nothing could be read. */
static void
show_loaded (MeasuresWindow *self)
{
  MeasuresIndex *index = measures_session_get_index (self->session);
  GPtrArray *problems = measures_session_get_problems (self->session);
  const char *page = gtk_stack_get_visible_child_name (self->list_stack);

  measures_filter_sidebar_set_index (self->filter_sidebar, index);

  /* Nothing could be read: each problem, where the list would be. */
  if (measures_index_get_n_measures (index) == 0 && problems->len > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *line = measures_problem_to_string (g_ptr_array_index (problems, i));

          g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", line);
        }

      adw_status_page_set_description (self->error_page, text->str);
      show_list_page (self, "error");
    }
  else if (page != NULL && g_str_equal (page, "error"))
    show_list_page (self, "empty");
}

static void
loaded_cb (MeasuresWindow *self)
{
  if (self->panes != NULL)
    show_loaded (self);

  show_problems (self, measures_session_get_problems (self->session));
  self->just_loaded = TRUE;
  announce_shown (self);
}

/* The panes */

static gboolean
panes_shown (MeasuresWindow *self)
{
  return self->panes != NULL && gtk_stack_get_visible_child (self->content_stack) == self->panes;
}

/* Once built, the panes take the place of the load's progress when the
 * measures are loaded (or failed to be), and the progress goes where
 * the list will be during the next loads. */
static void
show_panes (MeasuresWindow *self)
{
  if (self->panes == NULL || panes_shown (self) || measures_session_get_loading (self->session))
    return;

  g_object_ref (self->loading_box);
  gtk_stack_set_visible_child (self->content_stack, self->panes);
  gtk_stack_remove (self->content_stack, self->loading_box);
  gtk_stack_add_named (self->list_stack, self->loading_box, "loading");
  g_object_unref (self->loading_box);

  /* The header bar's parts that act on the panes, with them. */
  g_object_bind_property (self->flap, "reveal-flap", self->sidebar_button, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  gtk_widget_set_sensitive (self->sidebar_button, TRUE);
  adw_view_switcher_title_set_stack (self->window_title, self->view_stack);
  update_view (self);
  announce_shown (self);
}

static GObject *
builder_object (GtkBuilder *builder,
                const char *id)
{
  GObject *object = gtk_builder_get_object (builder, id);

  g_assert (object != NULL);

  return object;
}

/**
 * _measures_window_ensure_panes:
 *
 * Builds the panes: the sidebar, the list and its views, the measure.
 * The window's first frame shows its header bar and the load's progress
 * alone, and comes sooner for it (docs/performance.md); the panes are
 * built right after it, while the measures load, and shown once they
 * are loaded. Whatever needs them before, from outside, builds them
 * then.
 */
void
_measures_window_ensure_panes (MeasuresWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  MeasuresQuery *query = measures_session_get_query (self->session);
  AdwViewSwitcherBar *switcher_bar;

  if (self->panes != NULL)
    return;

  builder = gtk_builder_new ();
  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  gtk_builder_expose_object (builder, "window", G_OBJECT (self));
  if (!gtk_builder_add_from_resource (builder, RESOURCE_PREFIX "/measures-window-panes.ui", &error))
    g_error ("The window's panes: %s", error->message);

  self->panes = GTK_WIDGET (builder_object (builder, "panes"));
  self->flap = ADW_FLAP (builder_object (builder, "flap"));
  self->filter_sidebar = MEASURES_FILTER_SIDEBAR (builder_object (builder, "filter_sidebar"));
  self->browser = MEASURES_BROWSER (builder_object (builder, "browser"));
  self->list_stack = GTK_STACK (builder_object (builder, "list_stack"));
  self->view_stack = ADW_VIEW_STACK (builder_object (builder, "view_stack"));
  self->measure_list = MEASURES_MEASURE_LIST (builder_object (builder, "measure_list"));
  self->empty_page = ADW_STATUS_PAGE (builder_object (builder, "empty_page"));
  self->no_results_page = ADW_STATUS_PAGE (builder_object (builder, "no_results_page"));
  self->error_page = ADW_STATUS_PAGE (builder_object (builder, "error_page"));
  self->detail_pane = MEASURES_DETAIL_PANE (builder_object (builder, "detail_pane"));
  self->overview_bin = ADW_BIN (builder_object (builder, "overview_bin"));
  self->compare_bin = ADW_BIN (builder_object (builder, "compare_bin"));
  switcher_bar = ADW_VIEW_SWITCHER_BAR (builder_object (builder, "switcher_bar"));

  /* A status page scrolls its content, and GTK 4.8 stops there on Tab. */
  measures_accessible_name_scrollers (GTK_WIDGET (self->empty_page),
                                      adw_status_page_get_title (self->empty_page));
  measures_accessible_name_scrollers (GTK_WIDGET (self->no_results_page),
                                      adw_status_page_get_title (self->no_results_page));
  measures_accessible_name_scrollers (GTK_WIDGET (self->error_page),
                                      adw_status_page_get_title (self->error_page));

  measures_measure_list_set_session (self->measure_list, self->session);
  g_object_bind_property (self->session, "sort-by", self->measure_list, "sort-by",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->measure_list, "notify::selected-measure", G_CALLBACK (selected_measure_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->measure_list, "activate", G_CALLBACK (_measures_window_show_measure), self,
                           G_CONNECT_SWAPPED);
  selected_measure_cb (self);

  /* The sidebar's values and collections first (show_loaded(), the
   * library), then their counts. */
  measures_filter_sidebar_set_query (self->filter_sidebar, query);
  show_loaded (self);
  measures_filter_sidebar_set_datasets (self->filter_sidebar, measures_session_get_datasets (self->session));
  _measures_window_library_panes_built (self);
  measures_filter_sidebar_set_result (self->filter_sidebar, measures_session_get_result (self->session));
  measures_detail_pane_set_highlight (self->detail_pane, measures_query_get_search_words (query));
  _measures_window_records_panes_built (self);

  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (view_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->browser, "notify::folded", G_CALLBACK (_measures_window_browser_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->browser, "notify::showing-details", G_CALLBACK (_measures_window_browser_changed), self, G_CONNECT_SWAPPED);
  _measures_window_browser_changed (self);

  adw_flap_set_reveal_flap (self->flap, g_settings_get_boolean (self->settings, "sidebar-visible"));
  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (_measures_window_sidebar_shown), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::folded", G_CALLBACK (_measures_window_sidebar_folded), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->window_title, "title-visible", switcher_bar, "reveal", G_BINDING_SYNC_CREATE);

  gtk_stack_add_named (self->content_stack, self->panes, "panes");
  /* Built after the window was shown: named as its buttons were. */
  measures_accessible_fix_mnemonics (self->panes);
}

/* What the session held back until the first frame starts now, and the
 * panes are built once that frame has gone to the display (the next
 * turn of the main loop sends it), while the measures load. Nothing
 * here may wait in an idle callback of low priority: while a progress
 * bar redraws, GTK's frames come first, and on a slow
 * renderer they never leave such a callback its turn. */
static void
first_paint_cb (GdkFrameClock  *clock,
                MeasuresWindow *self)
{
  self->painted = TRUE;
  g_clear_signal_handler (&self->first_paint_handler, clock);
  measures_session_release (self->session);
  schedule_panes (self);
}

static void
realize_cb (MeasuresWindow *self)
{
  bind_busy (self);
  if (!self->painted && self->first_paint_handler == 0)
    self->first_paint_handler =
      g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                               G_CALLBACK (first_paint_cb), self, 0);
}

/* The content language: records are shown again in the new language,
 * and titles sort by their text in it. */
static void
content_language_changed_cb (MeasuresWindow *self)
{
  measures_preferences_apply_content_language (self->settings);
  measures_index_forget_orders (measures_session_get_index (self->session));

  if (self->panes == NULL)
    return;

  /* Rebind every row, then sort again; the charts' labels change too. */
  measures_measure_list_refresh (self->measure_list);
  if (self->overview_view != NULL)
    measures_overview_view_invalidate (self->overview_view);
  update_overview (self);
  if (self->compare_view != NULL)
    measures_compare_view_invalidate (self->compare_view);
  update_compare (self);
  measures_detail_pane_refresh (self->detail_pane);
}

/* Window state */

static void
save_window_state (MeasuresWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  measures_session_save (self->session);
}

static gboolean
measures_window_close_request (GtkWindow *window)
{
  save_window_state (MEASURES_WINDOW (window));

  return GTK_WINDOW_CLASS (measures_window_parent_class)->close_request (window);
}

/* A closed window stops its work at once: the session's load, the
 * exports, their timers, and the application's busy mark. The callbacks
 * still to come hold the window or the session and find them stopped. */
static void
stop_work (MeasuresWindow *self)
{
  self->closed = TRUE;
  if (self->session != NULL)
    measures_session_stop (self->session);
  _measures_window_stop_jobs (self);
  _measures_window_records_stop (self);
  if (self->session != NULL)
    unbind_busy (self);
}

static void
measures_window_unrealize (GtkWidget *widget)
{
  stop_work (MEASURES_WINDOW (widget));

  GTK_WIDGET_CLASS (measures_window_parent_class)->unrealize (widget);
}

static void
measures_window_dispose (GObject *object)
{
  MeasuresWindow *self = (MeasuresWindow *)object;

  stop_work (self);
  g_clear_handle_id (&self->panes_source, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);

  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->chart_cancellable);
  g_clear_pointer (&self->settings_problems, g_strfreev);

  /* Borrowed: their bins hold them. */
  self->overview_view = NULL;
  self->compare_view = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), MEASURES_TYPE_WINDOW);

  g_clear_object (&self->session);
  g_clear_object (&self->own_records);
  g_clear_pointer (&self->select_after_load, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (measures_window_parent_class)->dispose (object);
}

static void
measures_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MeasuresWindow *self = MEASURES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, measures_window_get_loading (self));
      break;
    case PROP_SORT_BY:
      g_value_set_string (value, measures_session_get_sort_by (self->session));
      break;
    case PROP_SHOW_BUNDLED:
      g_value_set_boolean (value, measures_session_get_show_bundled (self->session));
      break;
    case PROP_VIEW:
      g_value_set_string (value, get_view (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MeasuresWindow *self = MEASURES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SORT_BY:
      measures_session_set_sort_by (self->session, g_value_get_string (value));
      break;
    case PROP_VIEW:
      set_view (self, g_value_get_string (value));
      break;
    case PROP_SHOW_BUNDLED:
      measures_session_set_show_bundled (self->session, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_window_class_init (MeasuresWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = measures_window_dispose;
  object_class->get_property = measures_window_get_property;
  object_class->set_property = measures_window_set_property;
  window_class->close_request = measures_window_close_request;
  widget_class->unrealize = measures_window_unrealize;

  /* The session's state, for the window's property actions and tests. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_BUNDLED] =
    g_param_spec_boolean ("show-bundled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MeasuresWindow:sort-by:
   *
   * The order of the list, as measures_sort_from_name() reads it.
   */
  properties[PROP_SORT_BY] =
    g_param_spec_string ("sort-by", NULL, NULL, "none",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MeasuresWindow:view:
   *
   * What shows the matches: "list", "overview" (the charts) or
   * "compare" (the countries).
   */
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "list",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MEASURES_TYPE_BROWSER);
  g_type_ensure (MEASURES_TYPE_DETAIL_PANE);
  g_type_ensure (MEASURES_TYPE_FILTER_SIDEBAR);
  g_type_ensure (MEASURES_TYPE_MEASURE_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/measures-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, notes_only_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, loading_box);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, sort_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, sort_menu);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, problem_banner);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, problem_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, load_progress);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, status_banner);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, status_progress);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, status_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, live_status);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  _measures_window_class_actions_init (klass);
  _measures_window_class_export_init (klass);
  _measures_window_class_records_init (klass);
  _measures_window_class_library_init (klass);
}

static void
forward_notify_cb (MeasuresWindow *self,
                   GParamSpec     *pspec)
{
  if (g_str_equal (pspec->name, "sort-by"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_BY]);
  else if (g_str_equal (pspec->name, "show-bundled"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_BUNDLED]);
}

static void
measures_window_init (MeasuresWindow *self)
{
  MeasuresQuery *query;
  int width, height;

  /* First: the property actions read the session's state as soon as
   * the template's widgets ask for it. */
  self->settings = g_settings_new (SCHEMA_ID);
  self->session = measures_session_new (self->settings);
  query = measures_session_get_query (self->session);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_menu_cb, self->primary_menu, NULL);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->sort_button), create_menu_cb, self->sort_menu, NULL);
  measures_accessible_watch_windows ();
  measures_accessible_set_live (GTK_WIDGET (self), GTK_WIDGET (self->live_status));
  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
  g_signal_connect (self->problem_banner, "notify::child-revealed", G_CALLBACK (banner_revealed_cb), NULL);
  g_signal_connect (self->status_banner, "notify::child-revealed", G_CALLBACK (banner_revealed_cb), NULL);
  _measures_window_actions_init (self);
  _measures_window_records_init (self);

  /* Until the window is painted, loads wait: it appears at once. */
  measures_session_hold (self->session);

  g_signal_connect_object (self->session, "notify::loading", G_CALLBACK (loading_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::progress", G_CALLBACK (progress_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::sort-by", G_CALLBACK (forward_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::show-bundled", G_CALLBACK (forward_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "loaded", G_CALLBACK (loaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "result-changed", G_CALLBACK (result_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (query, "changed", G_CALLBACK (query_changed_cb), self, G_CONNECT_SWAPPED);

  _measures_window_library_init (self);
  g_signal_connect_object (self->settings, "changed::content-language",
                           G_CALLBACK (content_language_changed_cb), self, G_CONNECT_SWAPPED);
  query_changed_cb (self, query);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* Tabbing into the measure, or opening it in a narrow window, selects
   * nothing: its texts are selectable to copy, not to be replaced. */
  g_object_set (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-label-select-on-focus", FALSE, NULL);

  if (DEVELOPMENT_PROFILE)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  /* A build run on its own speaks English: it says why. */
  _measures_window_check_catalogue (self, NULL);
}

MeasuresWindow *
measures_window_new (MeasuresApplication *application)
{
  return g_object_new (MEASURES_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * _measures_window_announce:
 * @message: what changed, in a few words
 *
 * Tells screen readers @message, and keeps it as the window's status.
 */
void
_measures_window_announce (MeasuresWindow *self,
                           const char     *message)
{
  if (!self->closed)
    measures_accessible_announce (GTK_WIDGET (self), message);
}

/**
 * measures_window_get_session:
 *
 * Returns: (transfer none): the session the window shows
 */
MeasuresSession *
measures_window_get_session (MeasuresWindow *self)
{
  g_return_val_if_fail (MEASURES_IS_WINDOW (self), NULL);

  return self->session;
}

/**
 * measures_window_open:
 * @self: a window
 * @files: (array length=n_files) (nullable): datasets to show
 * @n_files: the number of files; 0 opens the bundled dataset and those
 *   of the last session
 *
 * Loads the datasets in a thread and shows their measures.
 */
void
measures_window_open (MeasuresWindow *self,
                      GFile * const  *files,
                      guint           n_files)
{
  g_return_if_fail (MEASURES_IS_WINDOW (self));

  bind_busy (self);
  measures_session_open (self->session, files, n_files);
}

/**
 * measures_window_add_files:
 * @self: a window
 * @files: (array length=n_files): files or folders to show too
 * @n_files: the number of files
 *
 * Adds datasets, as Open… and dropping files do; they are reopened at
 * the next start.
 */
void
measures_window_add_files (MeasuresWindow *self,
                           GFile * const  *files,
                           guint           n_files)
{
  g_return_if_fail (MEASURES_IS_WINDOW (self));

  measures_session_add_files (self->session, files, n_files);
}

/**
 * measures_window_get_problems:
 *
 * Returns: (transfer none) (element-type MeasuresProblem): what the last
 *   load could not read
 */
GPtrArray *
measures_window_get_problems (MeasuresWindow *self)
{
  g_return_val_if_fail (MEASURES_IS_WINDOW (self), NULL);

  return measures_session_get_problems (self->session);
}

/**
 * measures_window_get_loading:
 *
 * Returns: whether the window is loading its measures, or has not shown
 *   them yet: its panes are drawn after its first frame, or after a
 *   load that ended before it
 */
gboolean
measures_window_get_loading (MeasuresWindow *self)
{
  g_return_val_if_fail (MEASURES_IS_WINDOW (self), FALSE);

  return self->session != NULL && (measures_session_get_loading (self->session) || !self->panes_painted);
}

/**
 * measures_window_get_model:
 *
 * Returns: (transfer none): the measures shown, in the order shown
 */
GListModel *
measures_window_get_model (MeasuresWindow *self)
{
  g_return_val_if_fail (MEASURES_IS_WINDOW (self), NULL);

  _measures_window_ensure_panes (self);

  return measures_measure_list_get_model (self->measure_list);
}

/**
 * measures_window_get_query:
 *
 * Returns: (transfer none): the query that chooses the measures shown
 */
MeasuresQuery *
measures_window_get_query (MeasuresWindow *self)
{
  g_return_val_if_fail (MEASURES_IS_WINDOW (self), NULL);

  return measures_session_get_query (self->session);
}

/**
 * measures_window_select:
 * @self: a window
 * @id: the id of a measure
 *
 * Selects the measure with @id and scrolls the list to it.
 *
 * Returns: %TRUE if a measure with @id is shown
 */
gboolean
measures_window_select (MeasuresWindow *self,
                        const char     *id)
{
  g_return_val_if_fail (MEASURES_IS_WINDOW (self), FALSE);

  _measures_window_ensure_panes (self);

  return measures_measure_list_select (self->measure_list, id);
}
