/* test-accessibility.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The windows as a screen reader meets them, in the interface's language
 * (the suite runs it in English and in Romanian), with GTK's test
 * accessibility backend (GTK_A11Y=test) and the API of GTK 4.8.
 *
 * Every interactive element must have a name: GTK 4.8 names one by its
 * accessible label followed by the labels of what labels it, or else by
 * its type name ("GtkCheckButton"). The walk computes names the same
 * way, reading properties and relations through gtk_test_accessible_*
 * (which give a value only as the text of one that differs, so each is
 * compared with a value no element has), and fails on a name that is
 * empty, a type name, carries a mnemonic underscore or says itself twice.
 *
 * Then: what is announced (the live element, and on GTK 4.8 the focused
 * element's description) after a load and a change of the filters; and
 * the structure the review asked for (filters named by their value, rows
 * by their cells, headings, the link, the language switch as a group).
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "measures-compare-view.h"
#include "measures-coverage-grid.h"
#include "measures-detail-pane.h"
#include "measures-export-dialog.h"
#include "measures-filter-sidebar.h"
#include "measures-overview-view.h"
#include "measures-preferences-window.h"
#include "measures-text.h"
#include "measures-vocabulary.h"
#include "test-ui-utils.h"

/* No element is described or labelled by this. */
#define NO_VALUE "\x01"

/* The value of @property, or NULL when it is not set. */
static char *
property_text (GtkAccessible         *accessible,
               GtkAccessibleProperty  property)
{
  if (!gtk_test_accessible_has_property (accessible, property))
    return NULL;

  return gtk_test_accessible_check_property (accessible, property, NO_VALUE);
}

typedef struct
{
  GtkWidget *root;
  GHashTable *widgets;   /* "%p" → widget, every widget under root */
  GString *problems;
  guint n_checked;
} Walk;

static void
index_widgets (Walk      *walk,
               GtkWidget *widget)
{
  g_hash_table_insert (walk->widgets, g_strdup_printf ("%p", (void *) widget), widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    index_widgets (walk, child);
}

/* What labels @widget: the relation is printed as "GtkLabel<0x…>…". */
static GPtrArray *
labellers (Walk      *walk,
           GtkWidget *widget)
{
  GPtrArray *found = g_ptr_array_new ();
  g_autofree char *printed = NULL;

  if (!gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return found;

  printed = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                walk->root, NULL);
  for (const char *p = printed != NULL ? strchr (printed, '<') : NULL; p != NULL; p = strchr (p + 1, '<'))
    {
      const char *end = strchr (p, '>');
      g_autofree char *key = end != NULL ? g_strndup (p + 1, end - p - 1) : NULL;
      GtkWidget *labeller = key != NULL ? g_hash_table_lookup (walk->widgets, key) : NULL;

      if (labeller != NULL)
        g_ptr_array_add (found, labeller);
    }

  return found;
}

static gboolean
is_structural (GtkAccessibleRole role)
{
  return role == GTK_ACCESSIBLE_ROLE_FORM || role == GTK_ACCESSIBLE_ROLE_GROUP ||
         role == GTK_ACCESSIBLE_ROLE_GENERIC || role == GTK_ACCESSIBLE_ROLE_LANDMARK ||
         role == GTK_ACCESSIBLE_ROLE_LIST_ITEM || role == GTK_ACCESSIBLE_ROLE_REGION ||
         role == GTK_ACCESSIBLE_ROLE_SEARCH || role == GTK_ACCESSIBLE_ROLE_SEPARATOR;
}

/* The name AT-SPI gives @widget under GTK 4.8 (gtk_at_context_get_name). */
static char *
accessible_name (Walk      *walk,
                 GtkWidget *widget)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) by = labellers (walk, widget);
  char *label = property_text (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
  GString *name;

  if (label != NULL)
    g_ptr_array_add (names, label);
  for (guint i = 0; i < by->len; i++)
    {
      GtkWidget *labeller = g_ptr_array_index (by, i);
      char *text = property_text (GTK_ACCESSIBLE (labeller), GTK_ACCESSIBLE_PROPERTY_LABEL);

      if (text != NULL)
        g_ptr_array_add (names, text);
      else if (names->len == 0 && !is_structural (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (labeller))))
        g_ptr_array_add (names, g_strdup (G_OBJECT_TYPE_NAME (labeller)));
    }
  if (names->len == 0 && !is_structural (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget))))
    g_ptr_array_add (names, g_strdup (G_OBJECT_TYPE_NAME (widget)));

  name = g_string_new (NULL);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (name, "%s%s", i > 0 ? " " : "", (const char *) g_ptr_array_index (names, i));

  return g_string_free (name, FALSE);
}

static gboolean
is_interactive (GtkWidget *widget)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  switch ((int) role)
    {
    case GTK_ACCESSIBLE_ROLE_NONE:
    case GTK_ACCESSIBLE_ROLE_PRESENTATION:
      return FALSE;
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_GRID_CELL:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_ROW:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TAB:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
      return TRUE;
    default:
      return gtk_widget_get_focusable (widget);
    }
}

/* A word that starts with an underscore: a mnemonic left in the name
 * ("_Cancel", "Show as _Table"); a file name's "a_b" is not one. */
static gboolean
has_mnemonic (const char *name)
{
  for (const char *p = name; *p != '\0'; p++)
    if (*p == '_' && (p == name || p[-1] == ' ') && p[1] != '_' && p[1] != ' ' && p[1] != '\0')
      return TRUE;

  return FALSE;
}

/* "Cancel Cancel", "Show Details Show Details". */
static gboolean
says_itself_twice (const char *name)
{
  gsize length = strlen (name);

  return length > 2 && length % 2 == 1 && name[length / 2] == ' ' &&
         strncmp (name, name + length / 2 + 1, length / 2) == 0;
}

/* "GtkCheckButton", "AdwGizmo", "MeasuresCoverageArea": GTK's fallback. */
static gboolean
is_type_name (const char *name)
{
  static const char *prefixes[] = { "Gtk", "Adw", "Measures" };

  if (strchr (name, ' ') != NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (name, prefixes[i]) && g_ascii_isupper (name[strlen (prefixes[i])]))
      return TRUE;

  return FALSE;
}

static void
check_widget (Walk      *walk,
              GtkWidget *widget)
{
  g_autofree char *name = NULL;
  const char *problem = NULL;

  /* What a user can reach: not a hidden page of a stack, nor what a
   * revealer hides (GTK 4.8 gives screen readers those too, as visible:
   * a limit of the toolkit, see docs/accessibility.md). */
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  if (is_interactive (widget))
    {
      name = accessible_name (walk, widget);
      walk->n_checked++;
      if (strspn (name, " ") == strlen (name))
        problem = "no name";
      else if (is_type_name (name))
        problem = "named by its type";
      else if (has_mnemonic (name))
        problem = "a mnemonic underscore in its name";
      else if (says_itself_twice (name))
        problem = "its name twice";

      if (problem != NULL)
        {
          g_autofree char *role = g_enum_to_string (GTK_TYPE_ACCESSIBLE_ROLE,
                                                    gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)));
          g_autoptr(GString) path = g_string_new (NULL);

          for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL && w != walk->root; w = gtk_widget_get_parent (w))
            g_string_prepend (path, G_OBJECT_TYPE_NAME (w)), g_string_prepend (path, " › ");
          g_string_append_printf (walk->problems, "%s “%s” (%s), in %s%s: %s\n", G_OBJECT_TYPE_NAME (widget), name,
                                  role, G_OBJECT_TYPE_NAME (walk->root), path->str, problem);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_widget (walk, child);
}

/* Every interactive element under @root, shown or on a hidden page (GTK
 * 4.8 gives screen readers those too), has a proper name. */
static void
assert_all_named (GtkWidget *root,
                  guint      at_least)
{
  Walk walk = { root, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), g_string_new (NULL), 0 };

  index_widgets (&walk, root);
  check_widget (&walk, root);
  g_test_message ("%s: %u interactive elements", G_OBJECT_TYPE_NAME (root), walk.n_checked);
  if (walk.problems->len > 0)
    g_error ("In %s:\n%s", G_OBJECT_TYPE_NAME (root), walk.problems->str);
  g_assert_cmpuint (walk.n_checked, >=, at_least);

  g_hash_table_unref (walk.widgets);
  g_string_free (walk.problems, TRUE);
}

static GtkWidget *
find_role (GtkWidget         *root,
           GtkAccessibleRole  role)
{
  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (root)) == role)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_role (child, role);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_role (GtkWidget         *root,
              GtkAccessibleRole  role,
              GPtrArray         *out)
{
  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (root)) == role)
    g_ptr_array_add (out, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_role (child, role, out);
}

static MeasuresWindow *
open_eleven (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "eleven.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return open_window_on (file);
}

typedef struct
{
  GtkLabel *label;
  const char *text;
} WaitLabel;

static gboolean
label_says (gpointer data)
{
  WaitLabel *wait = data;

  return g_strcmp0 (gtk_label_get_text (wait->label), wait->text) == 0;
}

/* Until the window's live element says @text. */
#define wait_for_announcement(live_, text_)                                     \
  G_STMT_START {                                                                \
    WaitLabel wait_label_ = { GTK_LABEL (live_), (text_) };                     \
                                                                                \
    wait_until (label_says, &wait_label_, "the announcement “%s” (the window says “%s”)", \
                wait_label_.text, gtk_label_get_text (wait_label_.label));      \
  } G_STMT_END

/* "6 measures", as the sidebar and the subtitle say it. */
static char *
n_measures_text (guint n)
{
  g_autofree char *number = measures_text_format_count (n);

  return g_strdup_printf (ngettext ("%s measure", "%s measures", n), number);
}

static char *
loaded_text (guint n)
{
  g_autofree char *number = measures_text_format_count (n);

  return g_strdup_printf (ngettext ("Loaded %s measure", "Loaded %s measures", n), number);
}

static void
test_main_window (void)
{
  MeasuresWindow *window = open_eleven ();
  GtkWidget *overview;

  wait_for_frame (GTK_WIDGET (window));
  assert_all_named (GTK_WIDGET (window), 60);

  /* The overview, with a table open: built when first shown. */
  g_object_set (window, "view", "overview", NULL);
  overview = find_widget (GTK_WIDGET (window), MEASURES_TYPE_OVERVIEW_VIEW, NULL);
  g_assert_nonnull (overview);
  gtk_expander_set_expanded (GTK_EXPANDER (measures_overview_view_get_table (MEASURES_OVERVIEW_VIEW (overview),
                                                                             MEASURES_CHART_YEARS)),
                             TRUE);
  wait_for_frame (GTK_WIDGET (window));
  assert_all_named (GTK_WIDGET (window), 60);

  /* The comparison of countries, built when first shown too. */
  g_object_set (window, "view", "compare", NULL);
  g_assert_nonnull (find_widget (GTK_WIDGET (window), MEASURES_TYPE_COMPARE_VIEW, NULL));
  wait_for_frame (GTK_WIDGET (window));
  /* Its cells are named over the next idle moments; all of them now. */
  measures_coverage_grid_flush_labels (MEASURES_COVERAGE_GRID (find_widget (GTK_WIDGET (window),
                                                                            MEASURES_TYPE_COVERAGE_GRID, NULL)));
  assert_all_named (GTK_WIDGET (window), 60);

  /* Nothing matches: the other page of the list area. */
  g_object_set (window, "view", "list", NULL);
  measures_query_set_search (measures_window_get_query (window), "zzzzzz");
  wait_for_n_items (measures_window_get_model (window), 0);
  assert_all_named (GTK_WIDGET (window), 20);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_dialogs (void)
{
  MeasuresWindow *window = open_eleven ();
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/gtk/help-overlay.ui");
  GtkWidget *shortcuts = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  GtkWidget *preferences = GTK_WIDGET (measures_preferences_window_new (GTK_WINDOW (window)));
  GtkWidget *export = GTK_WIDGET (measures_export_dialog_new (GTK_WINDOW (window), "A measure", 11, "en"));

  gtk_window_present (GTK_WINDOW (preferences));
  wait_for_mapped (preferences);
  assert_all_named (preferences, 3);
  gtk_window_destroy (GTK_WINDOW (preferences));

  /* libadwaita's buttons have mnemonics too. */
  gtk_window_present (GTK_WINDOW (export));
  wait_for_mapped (export);
  assert_all_named (export, 5);
  gtk_window_destroy (GTK_WINDOW (export));

  /* Small, so that the shortcuts take pages, each named. */
  gtk_window_set_default_size (GTK_WINDOW (shortcuts), 360, 400);
  gtk_window_present (GTK_WINDOW (shortcuts));
  wait_for_mapped (shortcuts);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (shortcuts)), ==, C_("shortcut window", "Keyboard Shortcuts"));
  assert_all_named (shortcuts, 1);
  gtk_window_destroy (GTK_WINDOW (shortcuts));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A1, A2, A8, A9, A10: what each part reads as. */
static void
test_structure (void)
{
  MeasuresWindow *window = open_eleven ();
  MeasuresFilterSidebar *sidebar =
    MEASURES_FILTER_SIDEBAR (find_widget (GTK_WIDGET (window), MEASURES_TYPE_FILTER_SIDEBAR, NULL));
  GtkWidget *pane = find_widget (GTK_WIDGET (window), MEASURES_TYPE_DETAIL_PANE, NULL);
  GtkWidget *list = find_widget (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL);
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();
  g_autoptr(GPtrArray) headings = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(MeasuresMeasure) first = g_list_model_get_item (measures_window_get_model (window), 0);
  Walk walk = { GTK_WIDGET (window), g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), NULL, 0 };
  g_autofree char *trafficking = measures_vocabulary_label (MEASURES_FACET_FORM, "Trafficking");
  g_autofree char *six = n_measures_text (measures_filter_sidebar_get_count (sidebar, MEASURES_FACET_FORM,
                                                                             "Trafficking"));
  g_autofree char *row_name = NULL;
  GtkWidget *link, *group;
  gboolean found_trafficking = FALSE;

  wait_for_frame (GTK_WIDGET (window));
  index_widgets (&walk, GTK_WIDGET (window));

  /* A1: each filter value by its value, its count as description. */
  collect_role (GTK_WIDGET (sidebar), GTK_ACCESSIBLE_ROLE_CHECKBOX, checks);
  g_assert_cmpuint (checks->len, >, 10);
  for (guint i = 0; i < checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (checks, i);
      g_autofree char *name = accessible_name (&walk, check);

      if (g_strcmp0 (name, trafficking) == 0)
        {
          found_trafficking = TRUE;
          gtk_test_accessible_assert_property (check, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, six);
        }
    }
  g_assert_true (found_trafficking);

  /* A2: rows as their cells, and the headers as column headers. */
  collect_role (list, GTK_ACCESSIBLE_ROLE_COLUMN_HEADER, headers);
  g_assert_cmpuint (headers->len, ==, 5);
  gtk_test_accessible_assert_property (g_ptr_array_index (headers, 0), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       C_("column", "Title"));
  collect_role (list, GTK_ACCESSIBLE_ROLE_ROW, rows);
  g_assert_cmpuint (rows->len, >, 1);
  {
    g_autofree char *country = measures_vocabulary_label (MEASURES_FACET_COUNTRY, measures_measure_get_country (first));
    g_autofree char *years = measures_measure_dup_years_label (first);
    g_auto(GStrv) langs = measures_get_content_languages ();
    const char *title = measures_measure_resolve_title (first, (const char * const *) langs);

    row_name = accessible_name (&walk, g_ptr_array_index (rows, 1));
    g_assert_true (g_str_has_prefix (row_name, title));
    g_assert_nonnull (strstr (row_name, country));
    g_assert_nonnull (strstr (row_name, years));
  }

  /* A8: the measure's title and its sections are headings. */
  collect_role (pane, GTK_ACCESSIBLE_ROLE_HEADING, headings);
  g_assert_cmpuint (headings->len, >=, 5);
  gtk_test_accessible_assert_property (g_ptr_array_index (headings, 0), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1);
  gtk_test_accessible_assert_property (g_ptr_array_index (headings, 1), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2);

  /* A9: the address is a link, read as its address. */
  link = find_role (pane, GTK_ACCESSIBLE_ROLE_LINK);
  g_assert_nonnull (link);
  gtk_test_accessible_assert_property (link, GTK_ACCESSIBLE_PROPERTY_LABEL, measures_measure_get_url (first));

  /* A10: the language switch is a group of radio buttons, one checked. */
  group = find_role (pane, GTK_ACCESSIBLE_ROLE_RADIO_GROUP);
  g_assert_nonnull (group);
  {
    g_autoptr(GPtrArray) radios = g_ptr_array_new ();
    guint checked = 0;

    collect_role (group, GTK_ACCESSIBLE_ROLE_RADIO, radios);
    g_assert_cmpuint (radios->len, >=, 2);
    for (guint i = 0; i < radios->len; i++)
      checked += gtk_test_accessible_check_state (g_ptr_array_index (radios, i), GTK_ACCESSIBLE_STATE_CHECKED,
                                                  TRUE) == NULL;
    g_assert_cmpuint (checked, ==, 1);
  }

  g_hash_table_unref (walk.widgets);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A5: a load, each change of the filters and the search, and nothing
 * matching are said: in the live element, and, on GTK 4.8, as the
 * description of the element that has the focus. */
static void
test_announcements (void)
{
  MeasuresWindow *window = open_eleven ();
  MeasuresFilterSidebar *sidebar =
    MEASURES_FILTER_SIDEBAR (find_widget (GTK_WIDGET (window), MEASURES_TYPE_FILTER_SIDEBAR, NULL));
  GtkWidget *live = find_role (GTK_WIDGET (window), GTK_ACCESSIBLE_ROLE_STATUS);
  GtkWidget *entry = find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL);
  MeasuresQuery *query = measures_window_get_query (window);
  g_autofree char *loaded = loaded_text (11);
  g_autofree char *eleven = NULL;
  g_autofree char *filtered = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *total = measures_text_format_count (11);
  guint n;

  g_assert_nonnull (live);
  g_assert_true (GTK_IS_LABEL (live));
  wait_for_announcement (live, loaded);

  /* A filter: "6 of 11 measures". */
  g_assert_true (measures_filter_sidebar_toggle_value (sidebar, MEASURES_FACET_FORM, "Trafficking"));
  n = g_list_model_get_n_items (measures_window_get_model (window));
  g_assert_cmpuint (n, <, 11);
  shown = measures_text_format_count (n);
  filtered = g_strdup_printf (ngettext ("%s of %s measure", "%s of %s measures", 11), shown, total);
  wait_for_announcement (live, filtered);

  /* The search, typed where the focus is: the entry says the count. */
  measures_query_set_values (query, MEASURES_FACET_FORM, NULL);
  eleven = n_measures_text (11);
  wait_for_announcement (live, eleven);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_assert_true (gtk_widget_has_focus (gtk_root_get_focus (GTK_ROOT (window))));
  gtk_editable_set_text (GTK_EDITABLE (entry), "zzzzzz");
  wait_for_announcement (live, _("No Matching Measures"));
#if !GTK_CHECK_VERSION (4, 14, 0)
  gtk_test_accessible_assert_property (entry, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("No Matching Measures"));
  /* Once the focus leaves, the entry is itself again. */
  gtk_widget_grab_focus (GTK_WIDGET (find_widget (GTK_WIDGET (window), GTK_TYPE_SPIN_BUTTON, NULL)));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION) &&
                  gtk_test_accessible_check_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                      _("No Matching Measures")) == NULL);
#endif

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("MEASURES_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/accessibility/main-window", test_main_window);
  g_test_add_func ("/accessibility/dialogs", test_dialogs);
  g_test_add_func ("/accessibility/structure", test_structure);
  g_test_add_func ("/accessibility/announcements", test_announcements);

  return g_test_run ();
}
