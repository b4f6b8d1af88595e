/* test-window-adaptive.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window at the widths people use it at: a phone-sized 360 px, where
 * the list and the measure are one after the other, and a wide screen;
 * what Tab does; that the selection follows the measure; that what is
 * shown never moves the panes; that removing a dataset can be undone.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "measures-browser.h"
#include "measures-detail-pane.h"
#include "measures-export-dialog.h"
#include "measures-print-operation.h"
#include "measures-filter-sidebar.h"
#include "measures-measure-list.h"
#include "measures-overview-view.h"
#include "measures-wrap-bin.h"
#include "test-ui-utils.h"

#define STRATEGY_ID "romania-2018-national-strategy-against-trafficking-in-persons-2018-2022"
#define EQUALITY_ID "romania-2018-national-strategy-on-promoting-gender-equality-and-preventing-domestic-violence-2018-2021"
#define LAW_ID "romania-2018-law-no-174-2018-on-domestic-violence"

static gboolean
is_folded (gpointer browser)
{
  return measures_browser_get_folded (browser);
}

static gboolean
is_unfolded (gpointer browser)
{
  return !measures_browser_get_folded (browser);
}

static gboolean
shows_details (gpointer browser)
{
  return measures_browser_get_showing_details (browser);
}

static gboolean
shows_list (gpointer browser)
{
  return measures_browser_get_folded (browser) && !measures_browser_get_showing_details (browser);
}

static gboolean
is_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

static MeasuresWindow *
open_sized (int width,
            int height)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "eleven.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MeasuresWindow *window = measures_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  measures_window_open (window, &file, 1);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_loaded (window);
  wait_until (widget_mapped, window, "the window to be shown");

  return window;
}

static const char *
selected_id (MeasuresWindow *window)
{
  MeasuresDetailPane *pane = MEASURES_DETAIL_PANE (find_widget (GTK_WIDGET (window), MEASURES_TYPE_DETAIL_PANE, NULL));
  MeasuresMeasure *measure = measures_detail_pane_get_measure (pane);

  return measure != NULL ? measures_measure_get_id (measure) : NULL;
}

static guint
position_of (MeasuresWindow *window,
             const char     *id)
{
  GListModel *model = measures_window_get_model (window);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (model, i);

      if (g_str_equal (measures_measure_get_id (measure), id))
        return i;
    }

  return G_MAXUINT;
}

/* The window's own way back: the header bar of libadwaita 1.4 and
 * later has a back button of its own, hidden outside a navigation. */
static GtkWidget *
find_back_button (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), "win.go-back") == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_back_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* At 360 px: the list alone; a measure opened from it replaces it, with
 * a back button; back is the list again. Nothing is wider than 360 px. */
static void
test_adaptive_narrow (void)
{
  MeasuresWindow *window = open_sized (360, 720);
  MeasuresBrowser *browser = MEASURES_BROWSER (find_widget (GTK_WIDGET (window), MEASURES_TYPE_BROWSER, NULL));
  GtkWidget *list_view = find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, NULL);
  GtkWidget *back;
  AdwFlap *flap = ADW_FLAP (find_widget (GTK_WIDGET (window), ADW_TYPE_FLAP, NULL));
  guint law = position_of (window, LAW_ID);
  int min;

  wait_until (is_folded, browser, "the list and the measure to fold");
  g_assert_true (adw_flap_get_folded (flap));
  g_assert_true (shows_list (browser));
  g_assert_false (gtk_widget_get_visible (find_back_button (GTK_WIDGET (window))));

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 360);

  /* Opening a row: as Enter, a double click, or one tap here, do. */
  g_assert_cmpuint (law, !=, G_MAXUINT);
  gtk_widget_activate_action (list_view, "list.activate-item", "u", law);
  wait_until (shows_details, browser, "the measure to replace the list");
  wait_until (widget_mapped, find_widget (GTK_WIDGET (window), MEASURES_TYPE_DETAIL_PANE, NULL), "the measure to be shown");
  wait_until (is_unmapped, list_view, "the list to give the measure its place");
  g_assert_cmpstr (selected_id (window), ==, LAW_ID);

  /* The header has a way back, and still fits. */
  back = find_back_button (GTK_WIDGET (window));
  g_assert_nonnull (back);
  g_assert_true (gtk_widget_get_visible (back));
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, 360);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
  wait_until (shows_list, browser, "the list to come back");
  wait_until (widget_mapped, list_view, "the list to be shown again");
  /* To its end: libadwaita 1.7's navigation split view, closed while it
   * moves, leaves a crash to the next window that closes. */
  wait_until (is_unmapped, find_widget (GTK_WIDGET (window), MEASURES_TYPE_DETAIL_PANE, NULL), "the measure to make way");
  g_assert_false (gtk_widget_get_visible (back));
  g_assert_cmpstr (selected_id (window), ==, LAW_ID);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* At 1400 px: the sidebar, the list and the measure side by side. */
static void
test_adaptive_wide (void)
{
  MeasuresWindow *window = open_sized (1400, 900);
  MeasuresBrowser *browser = MEASURES_BROWSER (find_widget (GTK_WIDGET (window), MEASURES_TYPE_BROWSER, NULL));
  AdwFlap *flap = ADW_FLAP (find_widget (GTK_WIDGET (window), ADW_TYPE_FLAP, NULL));
  GtkWidget *pane = find_widget (GTK_WIDGET (window), MEASURES_TYPE_DETAIL_PANE, NULL);

  wait_until (is_unfolded, browser, "the list and the measure side by side");
  g_assert_false (adw_flap_get_folded (flap));
  g_assert_true (adw_flap_get_reveal_flap (flap));
  wait_until (widget_mapped, pane, "the measure beside the list");

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *view,
               const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  return NULL;
}

static gboolean
types_and_forms_hidden (gpointer view)
{
  return !gtk_column_view_column_get_visible (column_titled (view, "Type")) &&
         !gtk_column_view_column_get_visible (column_titled (view, "Form"));
}

static gboolean
types_and_forms_shown (gpointer view)
{
  return gtk_column_view_column_get_visible (column_titled (view, "Type")) &&
         gtk_column_view_column_get_visible (column_titled (view, "Form"));
}

/* W5: at 1280 px, beside the sidebar and the measure, the types and forms
 * (which the measure shows) give their room to the title; with the
 * sidebar hidden, or at 1400 px, every column is there. */
static void
test_adaptive_title_room (void)
{
  MeasuresWindow *window = open_sized (1280, 800);
  GtkWidget *view = find_widget (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL);
  AdwFlap *flap = ADW_FLAP (find_widget (GTK_WIDGET (window), ADW_TYPE_FLAP, NULL));
  GtkWidget *list = gtk_widget_get_ancestor (view, MEASURES_TYPE_MEASURE_LIST);

  g_assert_nonnull (column_titled (GTK_COLUMN_VIEW (view), "Type"));
  wait_until (types_and_forms_hidden, view, "the types and forms to give the title their room");
  g_assert_cmpint (gtk_widget_get_width (list), <, 760);
  g_assert_true (gtk_column_view_column_get_visible (column_titled (GTK_COLUMN_VIEW (view), "Country")));
  g_assert_true (gtk_column_view_column_get_visible (column_titled (GTK_COLUMN_VIEW (view), "Years")));

  adw_flap_set_reveal_flap (flap, FALSE);
  wait_until (types_and_forms_shown, view, "every column without the sidebar");
  /* The sidebar is remembered: shown again for the tests that follow. */
  adw_flap_set_reveal_flap (flap, TRUE);
  wait_until (types_and_forms_hidden, view, "the title's room back with the sidebar");
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_sized (1400, 900);
  view = find_widget (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL);
  wait_until (types_and_forms_shown, view, "every column at 1400 px");
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GtkWidget *widgets[3];
  int widths[3];
} Widths;

static gboolean
widths_settled (gpointer data)
{
  Widths *w = data;

  for (guint i = 0; i < G_N_ELEMENTS (w->widgets); i++)
    if (gtk_widget_get_width (w->widgets[i]) != w->widths[i])
      return FALSE;

  return TRUE;
}

static gboolean
overview_shown (gpointer data)
{
  return gtk_widget_get_mapped (find_widget (data, MEASURES_TYPE_OVERVIEW_VIEW, NULL));
}

/* Switching to the charts and opening a chart's table leave the sidebar,
 * the list area and the measure as wide as they were. */
static void
test_adaptive_widths_stay (void)
{
  MeasuresWindow *window = open_sized (1280, 800);
  GtkWidget *sidebar = find_widget (GTK_WIDGET (window), MEASURES_TYPE_FILTER_SIDEBAR, NULL);
  GtkWidget *pane = find_widget (GTK_WIDGET (window), MEASURES_TYPE_DETAIL_PANE, NULL);
  GtkWidget *views = find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL);
  GtkWidget *expander;
  Widths before = { { sidebar, views, pane } };

  wait_until (widget_mapped, pane, "the measure beside the list");
  for (guint i = 0; i < 3; i++)
    before.widths[i] = gtk_widget_get_width (before.widgets[i]);
  g_assert_cmpint (before.widths[0], >, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "overview");
  wait_until (overview_shown, window, "the charts");
  expander = find_widget (GTK_WIDGET (window), GTK_TYPE_EXPANDER, NULL);
  g_assert_nonnull (expander);
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);

  /* Laid out again, after the table was filled. */
  wait_until (widget_mapped, find_widget (expander, GTK_TYPE_LIST_BOX, NULL), "the table under the chart");
  wait_until (widths_settled, &before, "the panes to keep their widths");
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (find_widget (GTK_WIDGET (window), ADW_TYPE_FLAP, NULL))));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A filter change keeps the measure selected while it still matches,
 * wherever its row moved; when it no longer matches, the first match is
 * shown, never the one that took its row. */
static void
test_adaptive_selection_follows_measure (void)
{
  MeasuresWindow *window = open_sized (1280, 800);
  MeasuresQuery *query = measures_window_get_query (window);
  const char *trafficking[] = { "Trafficking", NULL };
  const char *moldova[] = { "Republic of Moldova", NULL };
  g_autoptr(MeasuresMeasure) first = NULL;
  guint before;

  g_assert_true (measures_window_select (window, STRATEGY_ID));
  before = position_of (window, STRATEGY_ID);

  /* Trafficking only: the strategy still matches, other rows go. */
  measures_query_set_forms (query, trafficking);
  g_assert_cmpuint (g_list_model_get_n_items (measures_window_get_model (window)), <, 11);
  g_assert_cmpstr (selected_id (window), ==, STRATEGY_ID);

  /* Sorted differently: still the strategy, at another row. */
  g_object_set (window, "sort-by", "newest", NULL);
  g_assert_cmpstr (selected_id (window), ==, STRATEGY_ID);
  measures_query_clear (query);
  g_assert_cmpuint (position_of (window, STRATEGY_ID), !=, before);
  g_assert_cmpstr (selected_id (window), ==, STRATEGY_ID);

  /* Select the equality strategy, then filter it away. */
  g_assert_true (measures_window_select (window, EQUALITY_ID));
  measures_query_set_places (query, moldova, NULL);
  first = g_list_model_get_item (measures_window_get_model (window), 0);
  g_assert_cmpstr (selected_id (window), ==, measures_measure_get_id (first));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
focus_in_pane (gpointer window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *pane = find_widget (window, MEASURES_TYPE_DETAIL_PANE, NULL);

  return focus != NULL && gtk_widget_is_ancestor (focus, pane);
}

static gboolean
focus_in_list (gpointer window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_COLUMN_VIEW) != NULL;
}

static gboolean
focus_in_sidebar (gpointer window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && gtk_widget_get_ancestor (focus, MEASURES_TYPE_FILTER_SIDEBAR) != NULL;
}

static void
press_tab (MeasuresWindow *window,
           gboolean        backward)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkEventController *keys = NULL;
  gboolean handled = FALSE;

  /* The list's own key handling, as a Tab press reaches it. */
  for (GtkWidget *w = focus; w != NULL && keys == NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_COLUMN_VIEW (w))
      {
        g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (w);

        for (guint i = 0; i < g_list_model_get_n_items (controllers) && keys == NULL; i++)
          {
            g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

            if (GTK_IS_EVENT_CONTROLLER_KEY (c))
              keys = c;
          }
      }

  if (keys != NULL)
    g_signal_emit_by_name (keys, "key-pressed", backward ? GDK_KEY_ISO_Left_Tab : GDK_KEY_Tab, 0,
                           backward ? GDK_SHIFT_MASK : 0, &handled);
  if (!handled)
    gtk_widget_child_focus (GTK_WIDGET (window), backward ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
}

/* Tab goes from the list to the measure in one step, however many rows
 * the list has; Shift+Tab from the list goes back to the sidebar. Tabbing
 * into the measure selects none of its text. */
static void
test_adaptive_tab_order (void)
{
  MeasuresWindow *window = open_sized (1400, 900);
  GtkWidget *list_view = find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, NULL);
  GtkWidget *title;

  wait_until (widget_mapped, find_widget (GTK_WIDGET (window), MEASURES_TYPE_DETAIL_PANE, NULL), "the measure");
  g_assert_true (gtk_widget_child_focus (list_view, GTK_DIR_TAB_FORWARD));
  wait_until (focus_in_list, window, "focus in the list");

  press_tab (window, FALSE);
  wait_until (focus_in_pane, window, "Tab to reach the measure");
  title = gtk_root_get_focus (GTK_ROOT (window));
  if (GTK_IS_LABEL (title))
    {
      int start = 0, end = 0;

      g_assert_false (gtk_label_get_selection_bounds (GTK_LABEL (title), &start, &end) && start != end);
    }

  g_assert_true (gtk_widget_child_focus (list_view, GTK_DIR_TAB_FORWARD));
  wait_until (focus_in_list, window, "focus back in the list");
  press_tab (window, TRUE);
  wait_until (focus_in_sidebar, window, "Shift+Tab to reach the sidebar");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_two_datasets (gpointer window)
{
  return !measures_window_get_loading (window) &&
         g_list_model_get_n_items (measures_session_get_datasets (measures_window_get_session (window))) == 2;
}

static gboolean
has_one_dataset (gpointer window)
{
  return !measures_window_get_loading (window) &&
         g_list_model_get_n_items (measures_session_get_datasets (measures_window_get_session (window))) == 1;
}

/* Removing a dataset says so, with Undo, which brings it back. */
static void
test_window_remove_undo (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "twenty-one.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  MeasuresWindow *window = open_sized (1280, 800);

  measures_window_add_files (window, &file, 1);
  wait_until (has_two_datasets, window, "the second dataset");
  g_assert_cmpuint (g_list_model_get_n_items (measures_window_get_model (window)), ==, 32);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-dataset", "s", uri);
  wait_until (has_one_dataset, window, "the dataset to go");
  g_assert_cmpuint (g_list_model_get_n_items (measures_window_get_model (window)), ==, 11);
  wait_for_text (GTK_WIDGET (window), "“twenty-one.json” removed");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-remove-dataset", NULL);
  wait_until (has_two_datasets, window, "the dataset to come back");
  g_assert_cmpuint (g_list_model_get_n_items (measures_window_get_model (window)), ==, 32);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
revealed (gpointer revealer)
{
  return gtk_revealer_get_child_revealed (revealer);
}

/* Settings that were reset are said in a banner, which stays until it
 * is dismissed, not in a toast that never goes. */
static void
test_window_settings_banner (void)
{
  MeasuresWindow *window = open_sized (1280, 800);
  g_autoptr(GPtrArray) problems = g_ptr_array_new ();
  GtkWidget *banner;

  g_ptr_array_add (problems, (char *) "window-size: (10, 10) is smaller than any window");
  g_ptr_array_add (problems, (char *) "search: not valid UTF-8");
  measures_window_report_settings (window, problems);

  wait_for_text (GTK_WIDGET (window), "2 settings could not be used and were reset");
  wait_for_text (GTK_WIDGET (window), "[_Details]");
  banner = gtk_widget_get_ancestor (find_widget (GTK_WIDGET (window), GTK_TYPE_BOX, "status-banner"), GTK_TYPE_REVEALER);
  wait_until (revealed, banner, "the banner to be shown");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-status", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
send_key (GtkWidget *widget,
          guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        g_signal_emit_by_name (c, "key-pressed", keyval, 0, 0, &handled);
    }

  return handled;
}

static GtkWidget *
find_check (GtkWidget  *root,
            const char *label)
{
  if (GTK_IS_CHECK_BUTTON (root))
    {
      GtkWidget *child = gtk_check_button_get_child (GTK_CHECK_BUTTON (root));

      if (MEASURES_IS_WRAP_BIN (child))
        child = measures_wrap_bin_get_child (MEASURES_WRAP_BIN (child));

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), label) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_check (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_focus (gpointer widget)
{
  return gtk_widget_has_focus (widget);
}

/* In the filters, the arrows move and never toggle; Right shows what a
 * value holds; the expander is no Tab stop of its own. */
static void
test_window_filter_keys (void)
{
  MeasuresWindow *window = open_sized (1280, 800);
  GtkWidget *sidebar = find_widget (GTK_WIDGET (window), MEASURES_TYPE_FILTER_SIDEBAR, NULL);
  GtkWidget *europe = find_check (sidebar, "Europe");
  GtkWidget *moldova = find_check (sidebar, "Republic of Moldova");
  GtkWidget *expander = gtk_widget_get_prev_sibling (europe);

  g_assert_nonnull (europe);
  g_assert_nonnull (moldova);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (expander));
  g_assert_false (gtk_widget_get_focusable (expander));

  gtk_widget_grab_focus (europe);
  g_assert_true (send_key (europe, GDK_KEY_Right));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (expander)));
  wait_until (widget_mapped, moldova, "the countries of Europe to be shown");

  g_assert_true (send_key (europe, GDK_KEY_Down));
  wait_until (has_focus, moldova, "Down to reach the first country");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (europe)));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (moldova)));
  g_assert_true (measures_query_is_empty (measures_window_get_query (window)));

  g_assert_true (send_key (moldova, GDK_KEY_Up));
  wait_until (has_focus, europe, "Up to come back");
  g_assert_true (send_key (europe, GDK_KEY_Left));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (expander)));
  g_assert_true (measures_query_is_empty (measures_window_get_query (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The detail pane's button for the language @label. */
static GtkWidget *
find_toggle (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_TOGGLE_BUTTON (root) && g_strcmp0 (g_object_get_data (G_OBJECT (root), "lang"), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toggle (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A search that matches a record only in Romanian shows it in Romanian,
 * and says so; a language picked with the switch is kept for the next
 * record. */
static void
test_window_match_language (void)
{
  MeasuresWindow *window = open_sized (1280, 800);
  GtkWidget *pane = find_widget (GTK_WIDGET (window), MEASURES_TYPE_DETAIL_PANE, NULL);
  GtkWidget *romanian = NULL;

  measures_query_set_search (measures_window_get_query (window), "națională");
  g_assert_true (measures_window_select (window, STRATEGY_ID));
  wait_for_text (pane, "Strategia națională împotriva traficului de persoane");
  wait_for_text (pane, "the search matched there");

  /* Without the search, English again. */
  measures_query_set_search (measures_window_get_query (window), "");
  wait_for_text (pane, "National Strategy Against Trafficking in Persons 2018-2022\n");

  /* Română picked on one record stays for the next. */
  romanian = find_toggle (pane, "ro");
  g_assert_nonnull (romanian);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (romanian), TRUE);
  wait_for_text (pane, "Strategia națională împotriva traficului de persoane");
  g_assert_true (measures_window_select (window, LAW_ID));
  wait_for_text (pane, "Legea nr. 174 din 13 iulie 2018");

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_label_with (GtkWidget  *root,
                 const char *needle)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), needle) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with (child, needle);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* "For more information: https://…" is a link; an address that is not
 * http or https stays text. */
static void
test_window_more_info_link (void)
{
  g_autofree char *dir = g_dir_make_tmp ("measures-link-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "link.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *json =
    "{\"format\": \"measures-1\", \"measures\": ["
    "{\"id\": \"a\", \"country\": \"Romania\", \"title\": {\"en\": \"A\"},"
    " \"more_info\": {\"en\": \"For more information: https://example.org/a-long-address/page.\"}},"
    "{\"id\": \"b\", \"country\": \"Romania\", \"title\": {\"en\": \"B\"},"
    " \"more_info\": {\"en\": \"See javascript:alert(1)\"}}]}";
  MeasuresWindow *window;
  GtkWidget *pane, *label;

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  window = open_window_on (file);
  pane = find_widget (GTK_WIDGET (window), MEASURES_TYPE_DETAIL_PANE, NULL);

  g_assert_true (measures_window_select (window, "a"));
  wait_for_text (pane, "For more information: https://example.org/a-long-address/page.");
  label = find_label_with (pane, "For more information");
  g_assert_true (gtk_label_get_use_markup (GTK_LABEL (label)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)),
                            "<a href=\"https://example.org/a-long-address/page\">"));

  g_assert_true (measures_window_select (window, "b"));
  wait_for_text (pane, "See javascript:alert(1)");
  label = find_label_with (pane, "See javascript");
  g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (label)), "<a "));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
dialog_shown (gpointer data)
{
  return find_toplevel (MEASURES_TYPE_EXPORT_DIALOG, NULL) != NULL;
}

static gboolean
no_dialog_shown (gpointer data)
{
  return find_toplevel (MEASURES_TYPE_EXPORT_DIALOG, NULL) == NULL;
}

static gboolean
chooser_shown (gpointer data)
{
  return find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL) != NULL;
}

/* The export dialog offers what was chosen last; with nothing to export
 * it does not open. */
static void
test_window_export_choices (void)
{
  MeasuresWindow *window = open_sized (1280, 800);
  MeasuresExportDialog *dialog;
  const char *none[] = { "Atlantis", NULL };

  g_assert_true (measures_window_select (window, LAW_ID));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  wait_until (dialog_shown, NULL, "the export dialog");
  dialog = MEASURES_EXPORT_DIALOG (find_toplevel (MEASURES_TYPE_EXPORT_DIALOG, NULL));
  g_assert_false (measures_export_dialog_get_single (dialog));
  g_assert_cmpint (measures_export_dialog_get_format (dialog), ==, MEASURES_FORMAT_PDF);

  measures_export_dialog_set_choices (dialog, TRUE, MEASURES_FORMAT_CSV);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "export");
  wait_until (chooser_shown, NULL, "the file chooser");
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (no_dialog_shown, NULL, "the first export dialog to close");
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL)), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  wait_until (dialog_shown, NULL, "the export dialog again");
  dialog = MEASURES_EXPORT_DIALOG (find_toplevel (MEASURES_TYPE_EXPORT_DIALOG, NULL));
  g_assert_true (measures_export_dialog_get_single (dialog));
  g_assert_cmpint (measures_export_dialog_get_format (dialog), ==, MEASURES_FORMAT_CSV);
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (no_dialog_shown, NULL, "the export dialog to close");

  /* Nothing matches and nothing is selected: a note, no dialog. */
  measures_query_set_places (measures_window_get_query (window), none, NULL);
  wait_for_text (GTK_WIDGET (window), "No Matching Measures");
  g_assert_null (measures_detail_pane_get_measure (MEASURES_DETAIL_PANE (find_widget (GTK_WIDGET (window), MEASURES_TYPE_DETAIL_PANE, NULL))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  wait_for_text (GTK_WIDGET (window), "Nothing to export: no measure matches the filters");
  g_assert_null (find_toplevel (MEASURES_TYPE_EXPORT_DIALOG, NULL));

  g_settings_reset (g_settings_new (SCHEMA_ID), "export-scope");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
not_exporting (gpointer data)
{
  return !measures_window_get_exporting (data);
}

/* The row under @root titled @title. */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The matrix and the map a summary carries are chosen in the export
 * dialog and remembered, and the next export of the matches carries
 * them; one measure's summary and CSV do not offer them. */
static void
test_window_export_parts (void)
{
  MeasuresWindow *window = open_sized (1280, 800);
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *dir = g_dir_make_tmp ("measures-parts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "summary.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *romania[] = { "Romania", NULL };
  MeasuresExportDialog *dialog;
  MeasuresCoverageBy by;
  MeasuresMapZoom zoom;
  GtkWidget *matrix_row;
  g_autofree char *matrix = NULL;
  g_autofree char *map = NULL;
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;

  g_assert_true (measures_window_select (window, LAW_ID));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  wait_until (dialog_shown, NULL, "the export dialog");
  dialog = MEASURES_EXPORT_DIALOG (find_toplevel (MEASURES_TYPE_EXPORT_DIALOG, NULL));
  g_assert_cmpint (measures_export_dialog_get_parts (dialog, &by, &zoom), ==, 0);
  matrix_row = find_row (GTK_WIDGET (dialog), "Coverage Matrix");
  g_assert_nonnull (matrix_row);
  measures_export_dialog_set_choices (dialog, FALSE, MEASURES_FORMAT_PDF);
  g_assert_true (gtk_widget_get_sensitive (matrix_row));
  measures_export_dialog_set_choices (dialog, FALSE, MEASURES_FORMAT_CSV);
  g_assert_false (gtk_widget_get_sensitive (matrix_row));
  measures_export_dialog_set_choices (dialog, TRUE, MEASURES_FORMAT_HTML);
  g_assert_false (gtk_widget_get_sensitive (matrix_row));
  measures_export_dialog_set_choices (dialog, FALSE, MEASURES_FORMAT_HTML);
  g_assert_true (gtk_widget_get_sensitive (matrix_row));

  measures_export_dialog_set_parts (dialog, MEASURES_SUMMARY_PART_MATRIX | MEASURES_SUMMARY_PART_MAP,
                                    MEASURES_COVERAGE_BY_FORM, MEASURES_MAP_EUROPE);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "export");
  wait_until (chooser_shown, NULL, "the file chooser");
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (no_dialog_shown, NULL, "the export dialog to close");
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL)), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
    matrix = g_settings_get_string (settings, "export-matrix");
  map = g_settings_get_string (settings, "export-map");
  g_assert_cmpstr (matrix, ==, "form");
  g_assert_cmpstr (map, ==, "europe");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  wait_until (dialog_shown, NULL, "the export dialog again");
  dialog = MEASURES_EXPORT_DIALOG (find_toplevel (MEASURES_TYPE_EXPORT_DIALOG, NULL));
  g_assert_cmpint (measures_export_dialog_get_parts (dialog, &by, &zoom), ==,
                   MEASURES_SUMMARY_PART_MATRIX | MEASURES_SUMMARY_PART_MAP);
  g_assert_cmpint (by, ==, MEASURES_COVERAGE_BY_FORM);
  g_assert_cmpint (zoom, ==, MEASURES_MAP_EUROPE);
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (no_dialog_shown, NULL, "the export dialog to close again");

  /* Counted against everything loaded: Moldova has measures, none of
   * them Romania's. */
  measures_query_set_places (measures_window_get_query (window), romania, NULL);
  wait_for_n_items (measures_window_get_model (window), 7);
  measures_window_export (window, file, FALSE, MEASURES_FORMAT_HTML, "en");
  wait_until (not_exporting, window, "the export with the matrix and the map to end");
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "<h2>Measures per Country and Form of Violence</h2>"));
  g_assert_nonnull (strstr (text, "<figure class=\"chart map\">"));
  g_assert_nonnull (strstr (text, "<tr><th scope=\"row\">Republic of Moldova</th><td>Europe</td>"));

  g_settings_reset (settings, "export-matrix");
  g_settings_reset (settings, "export-map");
  measures_window_export (window, file, FALSE, MEASURES_FORMAT_HTML, "en");
  wait_until (not_exporting, window, "the export without them to end");
  g_assert_true (g_file_get_contents (path, &plain, NULL, NULL));
  g_assert_null (strstr (plain, "class=\"matrix\""));
  g_assert_null (strstr (plain, "class=\"chart map\""));

  g_settings_reset (settings, "export-scope");
  g_settings_reset (settings, "export-format");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL);
  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Printing the selected measure alone, as the print dialog's own tab
 * chooses, prints one measure; all that match, every one. */
static void
test_window_print_choice (void)
{
  MeasuresWindow *window = open_sized (1280, 800);
  GListModel *model = measures_window_get_model (window);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *dir = g_dir_make_tmp ("measures-print-XXXXXX", NULL);
  gsize sizes[2];

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (all, g_list_model_get_item (model, i));

  for (guint single = 0; single < 2; single++)
    {
      g_autofree char *path = g_build_filename (dir, single ? "one.pdf" : "all.pdf", NULL);
      g_autoptr(MeasuresMeasure) law = g_list_model_get_item (model, position_of (window, LAW_ID));
      g_autoptr(MeasuresPrintOperation) operation =
        measures_print_operation_new_choice (all, law, single, measures_window_get_query (window), "en");
      g_autofree char *contents = NULL;

      gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
      g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                                GTK_WINDOW (window), NULL), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
      g_assert_true (g_file_get_contents (path, &contents, &sizes[single], NULL));
      g_assert_true (g_str_has_prefix (contents, "%PDF"));
      g_unlink (path);
    }
  g_assert_cmpuint (sizes[1], <, sizes[0]);

  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* An export that fails says why in the banner, which stays until it is
 * dismissed. */
static void
test_window_export_error_banner (void)
{
  MeasuresWindow *window = open_sized (1280, 800);
  g_autoptr(GFile) file = g_file_new_for_path ("/proc/measures-cannot-be-here/summary.csv");
  GtkWidget *banner;

  measures_window_export (window, file, FALSE, MEASURES_FORMAT_CSV, "en");
  wait_for_text (GTK_WIDGET (window), "Could not export: ");
  banner = gtk_widget_get_ancestor (find_widget (GTK_WIDGET (window), GTK_TYPE_BOX, "status-banner"), GTK_TYPE_REVEALER);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_true (gtk_widget_has_css_class (gtk_revealer_get_child (GTK_REVEALER (banner)), "error"));
  g_assert_false (measures_window_get_exporting (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-status", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
preview_shown (gpointer data)
{
  return find_toplevel (GTK_TYPE_WINDOW, "print-preview") != NULL;
}

/* Print preview needs no external previewer: a window of ours shows the
 * pages, one at a time. */
static void
test_window_print_preview (void)
{
  MeasuresWindow *window = open_sized (1280, 800);
  GListModel *model = measures_window_get_model (window);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(MeasuresPrintOperation) operation = NULL;
  GtkWindow *preview;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (all, g_list_model_get_item (model, i));
  operation = measures_print_operation_new_choice (all, NULL, FALSE, measures_window_get_query (window), "en");
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PREVIEW,
                           GTK_WINDOW (window), NULL);

  wait_until (preview_shown, NULL, "the print preview");
  preview = find_toplevel (GTK_TYPE_WINDOW, "print-preview");
  wait_for_text (GTK_WIDGET (preview), "Page 1 of ");
  gtk_window_destroy (preview);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/adaptive/narrow", test_adaptive_narrow);
  g_test_add_func ("/adaptive/wide", test_adaptive_wide);
  g_test_add_func ("/adaptive/title-room", test_adaptive_title_room);
  g_test_add_func ("/adaptive/widths-stay", test_adaptive_widths_stay);
  g_test_add_func ("/adaptive/selection-follows-measure", test_adaptive_selection_follows_measure);
  g_test_add_func ("/adaptive/tab-order", test_adaptive_tab_order);
  g_test_add_func ("/window/remove-undo", test_window_remove_undo);
  g_test_add_func ("/window/settings-banner", test_window_settings_banner);
  g_test_add_func ("/window/filter-keys", test_window_filter_keys);
  g_test_add_func ("/window/match-language", test_window_match_language);
  g_test_add_func ("/window/more-info-link", test_window_more_info_link);
  g_test_add_func ("/window/export-choices", test_window_export_choices);
  g_test_add_func ("/window/export-parts", test_window_export_parts);
  g_test_add_func ("/window/print-choice", test_window_print_choice);
  g_test_add_func ("/window/export-error-banner", test_window_export_error_banner);
  g_test_add_func ("/window/print-preview", test_window_print_preview);

  return g_test_run ();
}
