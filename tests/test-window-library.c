/* test-window-library.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The user's library in the window, driven through its widgets: stars,
 * a collection made and filled from the detail pane, a note typed in
 * it, all found again after the window is closed and a new one opened
 * on the same data folder; the sidebar's counts, which the command
 * line's --count --starred agrees with; Undo of a deleted note and
 * collection; a damaged library set aside and told in the banner.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "measures-cli.h"
#include "measures-detail-pane.h"
#include "measures-export-dialog.h"
#include "measures-filter-sidebar.h"
#include "measures-library.h"
#include "measures-library-section.h"
#include "measures-measure-list.h"
#include "measures-print-operation.h"
#include "measures-selection-page.h"
#include "test-ui-utils.h"

#define STRATEGY_ID "romania-2018-national-strategy-against-trafficking-in-persons-2018-2022"
#define STRATEGY_TITLE "National Strategy Against Trafficking in Persons 2018-2022"
#define LAW_ID "romania-2018-law-no-174-2018-on-domestic-violence"
#define LAW_TITLE "Law No. 174/2018 on domestic violence"
#define DATA_ID "republic-of-moldova-2009-data-collection-on-domestic-violence"
#define DATA_TITLE "Data collection on domestic violence"

#define NOTE "Cited in chapter 3.\n\nAsk for the 2022 evaluation; ș ț ă î â."

/* No library yet: what an earlier test left is removed. */
static void
empty_library (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "measures", NULL);
  g_autoptr(GDir) listing = g_dir_open (folder, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

static GFile *
eleven (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "eleven.json", NULL);

  return g_file_new_for_path (path);
}

static MeasuresWindow *
open_window (gboolean empty)
{
  g_autoptr(GFile) file = eleven ();
  MeasuresWindow *window;

  if (empty)
    empty_library ();
  window = measures_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  measures_window_open (window, &file, 1);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_loaded (window);
  wait_until (widget_mapped, window, "the window to be shown");

  return window;
}

static GtkWidget *
detail_pane (MeasuresWindow *window)
{
  return find_widget (GTK_WIDGET (window), MEASURES_TYPE_DETAIL_PANE, NULL);
}

static MeasuresFilterSidebar *
sidebar (MeasuresWindow *window)
{
  return MEASURES_FILTER_SIDEBAR (find_widget (GTK_WIDGET (window), MEASURES_TYPE_FILTER_SIDEBAR, NULL));
}

/* Selects a measure and waits for the detail pane to show it, its
 * marks included. */
static void
show (MeasuresWindow *window,
      const char     *id,
      const char     *title)
{
  g_assert_true (measures_window_select (window, id));
  wait_for_text (detail_pane (window), title);
}

static GtkWidget *
in_pane (MeasuresWindow *window,
         GType           type,
         const char     *css_class)
{
  GtkWidget *widget = find_widget (detail_pane (window), type, css_class);

  g_assert_nonnull (widget);

  return widget;
}

static gboolean
is_active (gpointer button)
{
  return gtk_toggle_button_get_active (button);
}

static void
star (MeasuresWindow *window,
      const char     *id,
      const char     *title)
{
  GtkWidget *button;

  show (window, id, title);
  button = in_pane (window, GTK_TYPE_TOGGLE_BUTTON, "star-button");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  gtk_widget_activate (button);
  wait_until (is_active, button, "the star of %s to be on", id);
}

static GtkWidget *
find_check (GtkWidget  *root,
            const char *label)
{
  if (GTK_IS_CHECK_BUTTON (root) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_check (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkMenuButton *button;
  GtkWidget *popover;
  gint64 asked;
  guint n_asked;
  guint n_closed;
} PopoverOpening;

static void
popover_closed_cb (PopoverOpening *opening)
{
  opening->n_closed++;
}

static void
ask_popup (PopoverOpening *opening)
{
  gtk_menu_button_popdown (opening->button);
  gtk_menu_button_popup (opening->button);
  opening->asked = g_get_monotonic_time ();
  opening->n_asked++;
}

/* The popover mapped. Under Xvfb, with no window manager, GTK can close
 * a popover before it maps (its grab refused on a busy machine) or
 * leave it shown but unmapped: a user would click again, and so does
 * this, once a second. */
static gboolean
popover_opened (gpointer data)
{
  PopoverOpening *opening = data;

  if (gtk_widget_get_mapped (opening->popover))
    return TRUE;
  if (g_get_monotonic_time () - opening->asked > G_USEC_PER_SEC)
    ask_popup (opening);

  return FALSE;
}

/* Puts the measure shown in a collection, from the popover of the
 * detail pane, as a click on its name there does. */
static void
add_to (MeasuresWindow *window,
        const char     *name)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (in_pane (window, GTK_TYPE_MENU_BUTTON, "collections-button"));
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  PopoverOpening opening = { button, popover, 0, 0, 0 };
  gulong closed_id;
  GtkWidget *check;

  /* A button not shown yet would not open its popover. */
  wait_until (widget_mapped, button, "the collections button to be shown");
  closed_id = g_signal_connect_swapped (popover, "closed", G_CALLBACK (popover_closed_cb), &opening);
  ask_popup (&opening);
  wait_until (popover_opened, &opening,
              "the collections popover to open (asked %u times, closed %u times; the button %s)",
              opening.n_asked, opening.n_closed,
              gtk_widget_get_sensitive (GTK_WIDGET (button)) ? "sensitive" : "insensitive");
  g_signal_handler_disconnect (popover, closed_id);
  if (opening.n_asked > 1)
    g_test_message ("the collections popover opened at the %u. time of asking", opening.n_asked);
  check = find_check (popover, name);
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_widget_activate (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_menu_button_popdown (button);
}

/* Puts the selected measures in a collection, from the selection page's
 * menu: the item named @name, and the action it activates. */
static void
add_selection_to (GtkWidget  *page,
                  const char *name)
{
  GtkWidget *button = find_widget (page, GTK_TYPE_MENU_BUTTON, NULL);
  GMenuModel *menu;
  g_autoptr(GMenuModel) section = NULL;
  g_autofree char *action = NULL;
  g_autoptr(GVariant) target = NULL;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (menu);
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_nonnull (section);
  for (int i = 0; i < g_menu_model_get_n_items (section) && action == NULL; i++)
    {
      g_autofree char *label = NULL;

      if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label) &&
          g_strcmp0 (label, name) == 0)
        {
          g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
          target = g_menu_model_get_item_attribute_value (section, i, G_MENU_ATTRIBUTE_TARGET, NULL);
        }
    }
  g_assert_nonnull (action);
  g_assert_true (gtk_widget_activate_action_variant (button, action, target));
}

static char *
note_shown (MeasuresWindow *window)
{
  GtkTextView *view = GTK_TEXT_VIEW (in_pane (window, GTK_TYPE_TEXT_VIEW, "note-view"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
library_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Closes @window and waits until the library it used is let go: the
 * library is the process's while any window holds it, so the next test
 * would find this one's marks in it (a save still being written holds
 * it a moment longer on a busy machine). */
static void
close_library_window (MeasuresWindow *window)
{
  gpointer alive = measures_session_get_library (measures_window_get_session (window));

  g_object_add_weak_pointer (G_OBJECT (alive), &alive);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_until (library_gone, &alive, "the library to be let go with the window");
}

static gboolean
library_written (gpointer library)
{
  return !measures_library_get_dirty (library);
}

/* What --count --starred prints, from the library's file, as the
 * command line reads it. */
static char *
cli_count_starred (void)
{
  g_autoptr(GFile) file = measures_library_get_default_file ();
  g_autoptr(MeasuresLibrary) library = measures_library_new (file);
  g_autoptr(MeasuresQuery) query = measures_query_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(GFile) data = eleven ();
  g_autoptr(GError) error = NULL;

  g_assert_true (measures_library_read (library, &error));
  g_assert_no_error (error);
  g_assert_true (measures_cli_query_set_marks (query, TRUE, NULL, library, &error));
  g_assert_cmpint (measures_cli_count (&data, 1, query, out, err), ==, MEASURES_EXIT_OK);
  g_assert_cmpstr (err->str, ==, "");

  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}

static void
test_library_restart (void)
{
  MeasuresWindow *window = open_window (TRUE);
  MeasuresLibrary *library = measures_session_get_library (measures_window_get_session (window));
  gpointer alive = library;
  GtkWidget *entry;
  GtkTextBuffer *buffer;
  const char *report;
  g_autofree char *note = NULL;
  g_autofree char *counted = NULL;
  g_autofree char *shown_count = NULL;

  /* Two stars. */
  star (window, STRATEGY_ID, STRATEGY_TITLE);
  star (window, LAW_ID, LAW_TITLE);

  /* A collection of three: made from the pane with the measure shown in
   * it, then two more put in it. */
  show (window, STRATEGY_ID, STRATEGY_TITLE);
  entry = in_pane (window, GTK_TYPE_ENTRY, "new-collection-entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Report 2027");
  /* Enter in the entry. */
  g_signal_emit_by_name (entry, "activate");
  report = measures_library_find_collection (library, "Report 2027");
  g_assert_nonnull (report);
  wait_for_text (detail_pane (window), "Report 2027");
  show (window, LAW_ID, LAW_TITLE);
  add_to (window, "Report 2027");
  show (window, DATA_ID, DATA_TITLE);
  add_to (window, "Report 2027");

  /* A note, typed into the pane. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (in_pane (window, GTK_TYPE_TEXT_VIEW, "note-view")));
  gtk_text_buffer_insert_at_cursor (buffer, NOTE, -1);
  g_assert_cmpstr (measures_library_get_note (library, DATA_ID), ==, NOTE);

  /* The sidebar counts them, and the command line agrees with it. */
  g_assert_cmpuint (measures_filter_sidebar_get_mark_count (sidebar (window), NULL), ==, 2);
  g_assert_cmpuint (measures_filter_sidebar_get_mark_count (sidebar (window), report), ==, 3);
  wait_until (library_written, library, "the library to be written");
  counted = cli_count_starred ();
  shown_count = g_strdup_printf ("%u", measures_filter_sidebar_get_mark_count (sidebar (window), NULL));
  g_assert_cmpstr (counted, ==, shown_count);

  /* Checked in the sidebar, Starred filters the list to them. */
  gtk_widget_activate (find_widget (find_widget (GTK_WIDGET (sidebar (window)), GTK_TYPE_BOX, "starred-row"),
                                    GTK_TYPE_CHECK_BUTTON, NULL));
  wait_for_n_items (measures_window_get_model (window), 2);
  g_assert_true (measures_query_get_starred (measures_window_get_query (window)));
  measures_query_set_starred (measures_window_get_query (window), FALSE);
  wait_for_n_items (measures_window_get_model (window), 11);

  /* Closed, and the library with it: a new window reads the file. */
  g_object_add_weak_pointer (G_OBJECT (library), &alive);
  gtk_window_destroy (GTK_WINDOW (window));
  wait_until (library_gone, &alive, "the library to be let go with the window");

  window = open_window (FALSE);
  library = measures_session_get_library (measures_window_get_session (window));
  g_assert_true (measures_library_is_starred (library, STRATEGY_ID));
  g_assert_true (measures_library_is_starred (library, LAW_ID));
  report = measures_library_find_collection (library, "Report 2027");
  g_assert_nonnull (report);
  g_assert_cmpuint (measures_library_get_collection_size (library, report), ==, 3);
  wait_for_text (GTK_WIDGET (sidebar (window)), "Report 2027");
  g_assert_cmpuint (measures_filter_sidebar_get_mark_count (sidebar (window), NULL), ==, 2);
  g_assert_cmpuint (measures_filter_sidebar_get_mark_count (sidebar (window), report), ==, 3);

  show (window, LAW_ID, LAW_TITLE);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (in_pane (window, GTK_TYPE_TOGGLE_BUTTON,
                                                                           "star-button"))));
  wait_for_text (detail_pane (window), "Report 2027");
  show (window, DATA_ID, DATA_TITLE);
  note = note_shown (window);
  g_assert_cmpstr (note, ==, NOTE);

  close_library_window (window);
}

static gboolean
note_is (gpointer window)
{
  g_autofree char *note = note_shown (window);

  return g_str_equal (note, NOTE);
}

static gboolean
note_is_empty (gpointer window)
{
  g_autofree char *note = note_shown (window);

  return *note == '\0';
}

static void
test_library_undo (void)
{
  MeasuresWindow *window = open_window (TRUE);
  MeasuresLibrary *library = measures_session_get_library (measures_window_get_session (window));
  const char *three[] = { STRATEGY_ID, LAW_ID, DATA_ID, NULL };
  g_autofree char *report = measures_library_create_collection (library, "Report", NULL);

  measures_library_add_to_collection (library, report, three);
  measures_library_set_note (library, DATA_ID, NOTE);
  show (window, DATA_ID, DATA_TITLE);
  wait_until (note_is, window, "the note to be shown");

  /* The pane's button deletes the note; the toast's Undo brings it back. */
  gtk_widget_activate (in_pane (window, GTK_TYPE_BUTTON, "delete-note-button"));
  wait_until (note_is_empty, window, "the note to be deleted");
  g_assert_null (measures_library_get_note (library, DATA_ID));
  wait_for_text (window, "Note deleted");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-library", NULL));
  wait_until (note_is, window, "the note to come back");

  /* A collection deleted from the sidebar's menu, and brought back. */
  wait_for_text (GTK_WIDGET (sidebar (window)), "Report");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-collection", "s", report));
  g_assert_null (measures_library_get_collection_name (library, report));
  wait_for_text (window, "Collection “Report” deleted");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-library", NULL));
  g_assert_cmpuint (measures_library_get_collection_size (library, report), ==, 3);
  g_assert_cmpuint (measures_filter_sidebar_get_mark_count (sidebar (window), report), ==, 3);

  close_library_window (window);
}

/* A saved search keeps the filters and the search, and brings them back. */
static void
test_library_saved_search (void)
{
  MeasuresWindow *window = open_window (TRUE);
  MeasuresLibrary *library = measures_session_get_library (measures_window_get_session (window));
  MeasuresQuery *query = measures_window_get_query (window);
  const char *moldova[] = { "Republic of Moldova", NULL };
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *search = NULL;

  measures_query_set_places (query, moldova, NULL);
  measures_query_set_search (query, "psychological");
  wait_for_n_items (measures_window_get_model (window), 1);
  object = measures_query_to_json (query);
  search = measures_library_add_search (library, "Moldova, psychological", object, NULL);
  wait_for_text (GTK_WIDGET (sidebar (window)), "Moldova, psychological");

  measures_query_clear (query);
  wait_for_n_items (measures_window_get_model (window), 11);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.apply-search", "s", search));
  wait_for_n_items (measures_window_get_model (window), 1);
  g_assert_cmpstr (measures_query_get_search (query), ==, "psychological");

  /* Updated with other filters, then deleted, with Undo. */
  measures_query_set_search (query, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.update-search", "s", search));
  measures_query_clear (query);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.apply-search", "s", search));
  wait_for_n_items (measures_window_get_model (window), 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-search", "s", search));
  g_assert_cmpuint (measures_library_get_n_searches (library), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-library", NULL));
  g_assert_cmpuint (measures_library_get_n_searches (library), ==, 1);

  close_library_window (window);
}

/* A library file that cannot be read is set aside, never written over,
 * and the banner says so; the window goes on. */
static void
test_library_damaged (void)
{
  g_autoptr(GFile) file = measures_library_get_default_file ();
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) error = NULL;
  const char *damaged = "{\"format\": \"measures-library-1\", \"starred\": [";
  MeasuresWindow *window;
  const char *name;
  guint set_aside = 0;

  empty_library ();
  g_mkdir_with_parents (g_file_peek_path (folder), 0700);
  g_file_set_contents (g_file_peek_path (file), damaged, -1, &error);
  g_assert_no_error (error);

  window = open_window (FALSE);
  wait_for_text (window, "is damaged");
  wait_for_text (window, "It was kept as “library.json.damaged-");

  listing = g_dir_open (g_file_peek_path (folder), 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "library.json.damaged-"))
      {
        g_autofree char *path = g_build_filename (g_file_peek_path (folder), name, NULL);
        g_autofree char *kept = NULL;

        g_file_get_contents (path, &kept, NULL, NULL);
        g_assert_cmpstr (kept, ==, damaged);
        set_aside++;
      }
  g_assert_cmpuint (set_aside, ==, 1);

  /* The window goes on, and writes changes to a new file. */
  star (window, LAW_ID, LAW_TITLE);
  wait_until (library_written, measures_session_get_library (measures_window_get_session (window)),
              "the library to be written");
  g_assert_true (g_file_query_exists (file, NULL));

  close_library_window (window);
}

/* Several measures at once: a Ctrl+click and Shift+Down (the list's own
 * list.select-item, which they run) select three; one click of the star
 * stars them all, one check puts them in a collection, Copy Citation
 * puts three lines on the clipboard and the selection is exported as
 * CSL-JSON. */
static gboolean
clipboard_read (gpointer data)
{
  return *(char **) data != NULL;
}

static void
text_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  *(char **) user_data = text != NULL ? text : g_strdup ("");
}

static gboolean
export_done (gpointer window)
{
  return !measures_window_get_exporting (window);
}

static void
test_library_selection (void)
{
  MeasuresWindow *window = open_window (TRUE);
  MeasuresLibrary *library = measures_session_get_library (measures_window_get_session (window));
  GtkWidget *list = find_widget (find_widget (GTK_WIDGET (window), MEASURES_TYPE_MEASURE_LIST, NULL),
                                 GTK_TYPE_LIST_VIEW, NULL);
  GListModel *model = measures_window_get_model (window);
  g_autoptr(MeasuresMeasure) first = g_list_model_get_item (model, 0);
  g_autoptr(MeasuresMeasure) third = g_list_model_get_item (model, 2);
  g_autoptr(MeasuresMeasure) fourth = g_list_model_get_item (model, 3);
  g_autofree char *report = measures_library_create_collection (library, "Selection", NULL);
  g_autofree char *text = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-selection-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "refs.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *json = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) parts = NULL;
  GtkWidget *button;
  GtkWidget *page;

  g_assert_nonnull (list);
  g_assert_nonnull (report);
  show (window, measures_measure_get_id (first), "National Strategy Against Trafficking");
  /* Ctrl+click on the third, then Shift+Down to the fourth. */
  gtk_widget_activate_action (list, "list.select-item", "(ubb)", 2, TRUE, FALSE);
  gtk_widget_activate_action (list, "list.select-item", "(ubb)", 3, TRUE, TRUE);
  g_assert_true (measures_detail_pane_get_measure (MEASURES_DETAIL_PANE (detail_pane (window))) == fourth);

  /* Several selected: the pane shows what can be done with them. */
  page = find_widget (detail_pane (window), MEASURES_TYPE_SELECTION_PAGE, NULL);
  g_assert_nonnull (page);
  wait_until (widget_mapped, page, "the selection's page to be shown");
  wait_for_text (page, "3 Measures Selected");
  wait_for_text (page, "Star 3 Measures");

  button = find_widget (page, GTK_TYPE_BUTTON, "selection-star");
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  wait_for_text (page, "Unstar 3 Measures");
  g_assert_cmpuint (measures_library_get_n_starred (library), ==, 3);
  g_assert_true (measures_library_is_starred (library, measures_measure_get_id (first)));
  g_assert_true (measures_library_is_starred (library, measures_measure_get_id (third)));

  add_selection_to (page, "Selection");
  g_assert_cmpuint (measures_library_get_collection_size (library, report), ==, 3);
  g_assert_true (measures_library_in_collection (library, report, measures_measure_get_id (third)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-citation", NULL);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL, text_read_cb, &text);
  wait_until (clipboard_read, &text, "the clipboard to be read");
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], "National Strategy Against Trafficking in Persons 2018-2022. Romania"));
  g_assert_cmpstr (lines[3], ==, "");

  measures_window_export (window, file, TRUE, MEASURES_FORMAT_CSL_JSON, "en");
  wait_until (export_done, window, "the export of the selection to end");
  g_assert_true (g_file_get_contents (path, &json, NULL, NULL));
  parts = g_strsplit (json, "\"jurisdiction\"", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 4);
  g_assert_nonnull (strstr (json, measures_measure_get_id (fourth)));

  g_unlink (path);
  g_rmdir (dir);
  close_library_window (window);
}

static const char *
title_of (MeasuresMeasure *measure)
{
  static const char * const en[] = { "en", NULL };

  return measures_measure_resolve_title (measure, en);
}

static int
compare_ids (const void *a,
             const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
three_starred (gpointer library)
{
  return measures_library_get_n_starred (library) == 3;
}

static gboolean
page_shown (gpointer page)
{
  return gtk_widget_get_mapped (page);
}

static gboolean
page_hidden (gpointer page)
{
  return !gtk_widget_get_mapped (page);
}

/* Three selected: the detail pane shows a page for them, whose buttons
 * star them; Ctrl+P's job prints those three, the ones their export
 * writes; Copy puts the three on the clipboard, one after another. */
static void
test_library_selection_page (void)
{
  MeasuresWindow *window = open_window (TRUE);
  MeasuresLibrary *library = measures_session_get_library (measures_window_get_session (window));
  GtkWidget *list = find_widget (find_widget (GTK_WIDGET (window), MEASURES_TYPE_MEASURE_LIST, NULL),
                                 GTK_TYPE_LIST_VIEW, NULL);
  GListModel *model = measures_window_get_model (window);
  g_autoptr(MeasuresMeasure) second = g_list_model_get_item (model, 1);
  g_autoptr(MeasuresMeasure) third = g_list_model_get_item (model, 2);
  g_autoptr(MeasuresMeasure) fourth = g_list_model_get_item (model, 3);
  MeasuresMeasure *expected[] = { second, third, fourth };
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GPtrArray) printed = NULL;
  g_autofree char *text = NULL;
  const char *after = NULL;
  GtkWidget *page;
  GtkWidget *button;

  show (window, measures_measure_get_id (second), title_of (second));
  page = find_widget (detail_pane (window), MEASURES_TYPE_SELECTION_PAGE, NULL);
  g_assert_nonnull (page);
  g_assert_false (gtk_widget_get_mapped (page));

  /* Ctrl+click on the third, then Shift+Down to the fourth. */
  gtk_widget_activate_action (list, "list.select-item", "(ubb)", 2, TRUE, FALSE);
  gtk_widget_activate_action (list, "list.select-item", "(ubb)", 3, TRUE, TRUE);
  wait_until (page_shown, page, "the page of the selection to be shown");
  wait_for_text (page, "3 Measures Selected");
  wait_for_text (page, "Star 3 Measures");

  button = find_widget (page, GTK_TYPE_BUTTON, "selection-star");
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  wait_until (three_starred, library, "the three to be starred");
  {
    g_autofree const char **starred = measures_library_list_starred (library, NULL);
    g_autoptr(GStrvBuilder) wanted = g_strv_builder_new ();
    g_auto(GStrv) wanted_ids = NULL;
    g_autofree char *starred_text = NULL;
    g_autofree char *wanted_text = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_strv_builder_add (wanted, measures_measure_get_id (expected[i]));
    wanted_ids = g_strv_builder_end (wanted);
    qsort (wanted_ids, g_strv_length (wanted_ids), sizeof (char *), compare_ids);
    qsort (starred, g_strv_length ((char **) starred), sizeof (char *), compare_ids);
    starred_text = g_strjoinv (" ", (char **) starred);
    wanted_text = g_strjoinv (" ", wanted_ids);
    g_assert_cmpstr (starred_text, ==, wanted_text);
  }
  wait_for_text (page, "Unstar 3 Measures");

  /* Print: the three, in the order shown. */
  operation = measures_window_new_print (window);
  g_assert_nonnull (operation);
  printed = measures_print_operation_dup_chosen (MEASURES_PRINT_OPERATION (operation));
  g_assert_cmpuint (printed->len, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_ptr_array_index (printed, i) == expected[i]);

  /* Copy: each title once, in the order shown. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.copy", NULL);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL, text_read_cb, &text);
  wait_until (clipboard_read, &text, "the clipboard to be read");
  after = text;
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const char *found = strstr (after, title_of (expected[i]));

      g_assert_nonnull (found);
      after = found + strlen (title_of (expected[i]));
    }
  g_assert_null (strstr (text, STRATEGY_TITLE));

  /* One selected again: the measure, not the page. */
  show (window, measures_measure_get_id (second), title_of (second));
  wait_until (widget_mapped, in_pane (window, GTK_TYPE_TOGGLE_BUTTON, "star-button"), "the measure to be shown");
  wait_until (page_hidden, page, "the page of the selection to go");

  close_library_window (window);
}

static MeasuresExportDialog *
export_dialog_shown (void)
{
  return (MeasuresExportDialog *) find_toplevel (MEASURES_TYPE_EXPORT_DIALOG, NULL);
}

static gboolean
has_export_dialog (gpointer data)
{
  return export_dialog_shown () != NULL;
}

static gboolean
no_export_dialog (gpointer data)
{
  return export_dialog_shown () == NULL;
}

/* Export… as the user opens it: the collection chosen, if any. */
static char *
offered_collection (MeasuresWindow *window)
{
  MeasuresExportDialog *dialog;
  char *collection;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  wait_until (has_export_dialog, NULL, "the export dialog");
  dialog = export_dialog_shown ();
  collection = g_strdup (measures_export_dialog_get_collection (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (no_export_dialog, NULL, "the export dialog to close");

  return collection;
}

/* A collection as the export's scope: its measures that are loaded,
 * in the list's order, whatever is selected; the dialog offers it, and
 * one deleted since is not offered. */
static void
test_library_export_collection (void)
{
  MeasuresWindow *window = open_window (TRUE);
  MeasuresLibrary *library = measures_session_get_library (measures_window_get_session (window));
  GListModel *model = measures_window_get_model (window);
  g_autoptr(MeasuresMeasure) second = g_list_model_get_item (model, 1);
  g_autoptr(MeasuresMeasure) fifth = g_list_model_get_item (model, 4);
  g_autofree char *report = measures_library_create_collection (library, "Report", NULL);
  g_autofree char *other = measures_library_create_collection (library, "Other", NULL);
  const char *members[] = { measures_measure_get_id (fifth), "not-loaded-measure", measures_measure_get_id (second),
                            NULL };
  g_autofree char *dir = g_dir_make_tmp ("test-collection-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *json = NULL;
  g_auto(GStrv) parts = NULL;
  const char *at_second, *at_fifth;
  const char *ids[] = { report, other, NULL };
  const char *names[] = { "Report", "Other", NULL };
  MeasuresExportDialog *dialog;

  g_assert_nonnull (report);
  g_assert_cmpuint (measures_library_add_to_collection (library, report, members), ==, 3);
  show (window, STRATEGY_ID, STRATEGY_TITLE);

  measures_window_export_collection (window, file, report, MEASURES_FORMAT_CSL_JSON, "en");
  wait_until (export_done, window, "the export of the collection to end");
  g_assert_true (g_file_get_contents (path, &json, NULL, NULL));
  parts = g_strsplit (json, "\"jurisdiction\"", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  at_second = strstr (json, measures_measure_get_id (second));
  at_fifth = strstr (json, measures_measure_get_id (fifth));
  g_assert_nonnull (at_second);
  g_assert_nonnull (at_fifth);
  g_assert_true (at_second < at_fifth);
  g_assert_null (strstr (json, STRATEGY_ID));

  /* The dialog: the collection chosen is given back; a collection that
   * is gone is not offered, and the matches stay chosen. */
  dialog = measures_export_dialog_new (GTK_WINDOW (window), NULL, 11, "en");
  measures_export_dialog_set_collections (dialog, ids, names);
  g_assert_null (measures_export_dialog_get_collection (dialog));
  g_assert_false (measures_export_dialog_choose_collection (dialog, "gone"));
  g_assert_null (measures_export_dialog_get_collection (dialog));
  g_assert_true (measures_export_dialog_choose_collection (dialog, other));
  g_assert_cmpstr (measures_export_dialog_get_collection (dialog), ==, other);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The window's dialog offers the collection chosen last, and the
   * matches once it is deleted. */
  {
    g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
    g_autofree char *offered = NULL;
    g_autofree char *after = NULL;

    g_settings_set_string (settings, "export-scope", "collection");
    g_settings_set_string (settings, "export-collection", report);
    offered = offered_collection (window);
    g_assert_cmpstr (offered, ==, report);
    g_assert_true (measures_library_delete_collection (library, report));
    after = offered_collection (window);
    g_assert_null (after);
    g_settings_reset (settings, "export-scope");
    g_settings_reset (settings, "export-collection");
  }

  g_unlink (path);
  g_rmdir (dir);
  close_library_window (window);
}

/* The sidebar's library section given the counts before the library
 * (the panes built after a load had ended): each collection's count is
 * still shown once the library comes, and follows the next result. */
static void
test_library_section_counts (void)
{
  g_autoptr(MeasuresLibrary) library = measures_library_new (NULL);
  GtkWidget *window = gtk_window_new ();
  MeasuresLibrarySection *section = g_object_new (MEASURES_TYPE_LIBRARY_SECTION, NULL);
  g_autofree char *first = measures_library_create_collection (library, "First", NULL);
  g_autofree char *second = measures_library_create_collection (library, "Second", NULL);
  guint counts[] = { 3, 5 };
  MeasuresResult result = { .n_starred = 2, .n_collections = 2, .collection_counts = counts };

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (section));
  g_assert_nonnull (first);
  g_assert_nonnull (second);

  measures_library_section_set_result (section, &result);
  measures_library_section_set_library (section, library);
  g_assert_cmpuint (measures_library_section_get_count (section, NULL), ==, 2);
  g_assert_cmpuint (measures_library_section_get_count (section, first), ==, 3);
  g_assert_cmpuint (measures_library_section_get_count (section, second), ==, 5);

  counts[1] = 7;
  result.n_starred = 0;
  measures_library_section_set_result (section, &result);
  g_assert_cmpuint (measures_library_section_get_count (section, NULL), ==, 0);
  g_assert_cmpuint (measures_library_section_get_count (section, second), ==, 7);

  /* A result of fewer collections than the library has: none for the rest. */
  result.n_collections = 1;
  measures_library_section_set_result (section, &result);
  g_assert_cmpuint (measures_library_section_get_count (section, first), ==, 3);
  g_assert_cmpuint (measures_library_section_get_count (section, second), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* A data folder of the process's own, emptied before each test. */
  g_autofree char *data = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL ? g_getenv ("G_TEST_BUILDDIR")
                                                                                : g_get_tmp_dir (),
                                            "window-library-XXXXXX", NULL);

  g_assert_nonnull (g_mkdtemp (data));
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/library/restart", test_library_restart);
  g_test_add_func ("/library/undo", test_library_undo);
  g_test_add_func ("/library/saved-search", test_library_saved_search);
  g_test_add_func ("/library/damaged", test_library_damaged);
  g_test_add_func ("/library/selection", test_library_selection);
  g_test_add_func ("/library/selection-page", test_library_selection_page);
  g_test_add_func ("/library/export-collection", test_library_export_collection);
  g_test_add_func ("/library/section-counts", test_library_section_counts);

  return g_test_run ();
}
