/* measures-filter-sidebar.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-filter-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-accessible.h"
#include "measures-dataset.h"
#include "measures-own-records.h"
#include "measures-filter-sidebar.h"
#include "measures-library-section.h"
#include "measures-text.h"
#include "measures-wrap-bin.h"

/* The filters: place (regions with their countries), years, type of
 * measure (categories with their subcategories) and form of violence.
 * Every value shows how many measures it would give with the other
 * filters as they are; values with none are dimmed, not hidden, so the
 * sidebar does not jump as the counts change.
 *
 * The sidebar writes the user's choices into a MeasuresQuery and shows
 * what the query holds, so that the command line, restored settings and
 * "Clear All Filters" all show up here too.
 */

typedef struct
{
  MeasuresFacet facet;
  guint value;
  GtkWidget *row;
  GtkCheckButton *check;
  GtkToggleButton *expander;    /* of a value with children, or NULL */
  GtkInscription *count;
  guint n;
  gboolean counted;             /* n is shown */
} ValueRow;

struct _MeasuresFilterSidebar
{
  GtkWidget parent_instance;

  /* Template children */
  GtkScrolledWindow *scroller;  /* the only child: bound so that
                                 * gtk_widget_dispose_template() unparents it */
  GtkBox *place_box;
  GtkButton *place_clear;
  GtkButton *years_clear;
  GtkSpinButton *year_from;
  GtkSpinButton *year_to;
  GtkAdjustment *year_from_adjustment;
  GtkAdjustment *year_to_adjustment;
  GtkBox *type_box;
  GtkButton *type_clear;
  GtkBox *form_box;
  GtkButton *form_clear;
  GtkListBox *dataset_list;
  MeasuresLibrarySection *library_section;

  /* Owned references */
  MeasuresQuery *query;
  MeasuresIndex *index;
  GPtrArray *rows;           /* ValueRow */

  /* State */
  int first_year;
  int last_year;
  guint syncing : 1;
};

G_DEFINE_FINAL_TYPE (MeasuresFilterSidebar, measures_filter_sidebar, GTK_TYPE_WIDGET)

static void sync_from_query (MeasuresFilterSidebar *self);

static void
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* The values checked in @facet, as the index writes them. */
static GStrv
checked_values (MeasuresFilterSidebar *self,
                MeasuresFacet          facet)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->rows->len; i++)
    {
      ValueRow *row = g_ptr_array_index (self->rows, i);

      if (row->facet == facet && gtk_check_button_get_active (row->check))
        g_strv_builder_add (builder, measures_index_get_value (self->index, facet, row->value));
    }

  return g_strv_builder_end (builder);
}

static void
check_toggled_cb (MeasuresFilterSidebar *self,
                  GtkCheckButton        *check)
{
  ValueRow *row = g_object_get_data (G_OBJECT (check), "value-row");
  g_auto(GStrv) values = NULL;

  if (self->syncing || self->query == NULL)
    return;

  if (row->facet == MEASURES_FACET_COUNTRY || row->facet == MEASURES_FACET_REGION)
    {
      g_auto(GStrv) countries = checked_values (self, MEASURES_FACET_COUNTRY);
      g_auto(GStrv) regions = checked_values (self, MEASURES_FACET_REGION);

      measures_query_set_places (self->query, (const char * const *) countries,
                                 (const char * const *) regions);
      return;
    }

  values = checked_values (self, row->facet);
  measures_query_set_values (self->query, row->facet, (const char * const *) values);
}

static void
expander_toggled_cb (GtkToggleButton *button,
                     GtkRevealer     *revealer)
{
  gboolean open = gtk_toggle_button_get_active (button);

  gtk_revealer_set_reveal_child (revealer, open);
  gtk_button_set_icon_name (GTK_BUTTON (button), open ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_EXPANDED, open, -1);
}

/* The keyboard in the filters: one Tab stop per value, its check button.
 * Space and Enter toggle it, and only they: Up and Down go to the value
 * above or below (GTK 4.8's check buttons would toggle), Right and Left
 * show and hide what a value holds, as in a tree. */
static gboolean
check_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      MeasuresFilterSidebar *self)
{
  GtkWidget *check = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  ValueRow *row = g_object_get_data (G_OBJECT (check), "value-row");
  int step;
  guint at;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      step = -1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      step = 1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (row->expander != NULL)
        gtk_toggle_button_set_active (row->expander, keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  /* The next value shown, within the same filter. */
  if (!g_ptr_array_find (self->rows, row, &at))
    return GDK_EVENT_STOP;
  for (int i = (int) at + step; i >= 0 && i < (int) self->rows->len; i += step)
    {
      ValueRow *other = g_ptr_array_index (self->rows, i);

      /* Regions and their countries are one filter, Place. */
      if ((other->facet == MEASURES_FACET_COUNTRY ? MEASURES_FACET_REGION : other->facet) !=
          (row->facet == MEASURES_FACET_COUNTRY ? MEASURES_FACET_REGION : row->facet))
        break;
      if (gtk_widget_is_visible (GTK_WIDGET (other->check)) &&
          gtk_widget_get_mapped (GTK_WIDGET (other->check)))
        {
          gtk_widget_grab_focus (GTK_WIDGET (other->check));
          break;
        }
    }

  return GDK_EVENT_STOP;
}

/* How many characters the largest count takes: that of every measure. */
static guint
count_chars (MeasuresFilterSidebar *self)
{
  g_autofree char *text = measures_text_format_count (measures_index_get_n_measures (self->index));

  return MAX (g_utf8_strlen (text, -1), 1);
}

/* One value: a check button with its label, and its count. A value
 * with children gets a button that shows or hides them. */
static ValueRow *
add_row (MeasuresFilterSidebar  *self,
         GtkBox                 *parent,
         MeasuresFacet           facet,
         guint                   value,
         GtkBox                **children)
{
  ValueRow *row = g_new0 (ValueRow, 1);
  const char *label = measures_index_get_value_label (self->index, facet, value);
  GtkWidget *check_label;

  row->facet = facet;
  row->value = value;
  row->row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_add_css_class (row->row, "filter-row");

  if (children != NULL)
    {
      GtkWidget *expander = gtk_toggle_button_new ();
      GtkWidget *revealer = gtk_revealer_new ();
      g_autofree char *tooltip = g_strdup_printf (_("Show or hide what “%s” holds"), label);

      *children = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
      /* Under the parent's check box, one step in. */
      gtk_widget_set_margin_start (GTK_WIDGET (*children), 48);
      gtk_revealer_set_child (GTK_REVEALER (revealer), GTK_WIDGET (*children));
      gtk_revealer_set_transition_type (GTK_REVEALER (revealer), GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);

      gtk_button_set_icon_name (GTK_BUTTON (expander), "pan-end-symbolic");
      gtk_widget_add_css_class (expander, "flat");
      gtk_widget_add_css_class (expander, "expander-button");
      gtk_widget_set_valign (expander, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (expander, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);
      g_signal_connect (expander, "toggled", G_CALLBACK (expander_toggled_cb), revealer);
      /* Clicked, or Right and Left on the value: not a Tab stop of its own. */
      gtk_widget_set_focusable (expander, FALSE);
      gtk_widget_set_focus_on_click (expander, FALSE);
      row->expander = GTK_TOGGLE_BUTTON (expander);
      gtk_box_append (GTK_BOX (row->row), expander);

      gtk_box_append (parent, row->row);
      gtk_box_append (parent, revealer);
    }
  else
    {
      /* Line up with the rows that have an expander. */
      if (parent == self->place_box || parent == self->type_box)
        gtk_widget_set_margin_start (row->row, 28);
      gtk_box_append (parent, row->row);
    }

  row->check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  check_label = gtk_label_new (label);
  gtk_label_set_xalign (GTK_LABEL (check_label), 0);
  gtk_label_set_wrap (GTK_LABEL (check_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (check_label), PANGO_WRAP_WORD_CHAR);
  gtk_check_button_set_child (row->check, measures_wrap_bin_new (check_label));
  /* Named by its value; its count is its description. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row->check),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, check_label, NULL, -1);
  gtk_widget_set_hexpand (GTK_WIDGET (row->check), TRUE);
  g_object_set_data (G_OBJECT (row->check), "value-row", row);
  g_signal_connect_swapped (row->check, "toggled", G_CALLBACK (check_toggled_cb), self);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (check_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (row->check), keys);
  }
  gtk_box_append (GTK_BOX (row->row), GTK_WIDGET (row->check));

  /* An inscription, as wide as the largest count can be: a new count
   * is drawn, not measured, and lays nothing out again. */
  row->count = GTK_INSCRIPTION (gtk_inscription_new ("0"));
  gtk_inscription_set_min_chars (row->count, count_chars (self));
  gtk_inscription_set_nat_chars (row->count, count_chars (self));
  gtk_inscription_set_xalign (row->count, 1);
  gtk_widget_add_css_class (GTK_WIDGET (row->count), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (row->count), "numeric");
  gtk_widget_set_valign (GTK_WIDGET (row->count), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row->row), GTK_WIDGET (row->count));

  g_ptr_array_add (self->rows, row);

  return row;
}

typedef struct
{
  MeasuresIndex *index;
  MeasuresFacet facet;
} SortData;

static int
compare_labels (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const SortData *data = user_data;

  return g_utf8_collate (measures_index_get_value_label (data->index, data->facet, *(const guint *) a),
                         measures_index_get_value_label (data->index, data->facet, *(const guint *) b));
}

/* The values of @facet for which @keep says yes, sorted by label. */
/* *INDENT-OFF* */
static GArray *
sorted_values (MeasuresIndex *index,
               MeasuresFacet  facet,
               gboolean     (*keep) (MeasuresIndex *, guint, gpointer),
               gpointer       keep_data)
/* *INDENT-ON* */
{
  GArray *values = g_array_new (FALSE, FALSE, sizeof (guint));
  SortData data = { index, facet };

  for (guint v = 0; v < measures_index_get_n_values (index, facet); v++)
    if (keep == NULL || keep (index, v, keep_data))
      g_array_append_val (values, v);

  g_array_sort_with_data (values, compare_labels, &data);

  return values;
}

static gboolean
country_in_region (MeasuresIndex *index,
                   guint          country,
                   gpointer       region)
{
  return measures_index_get_country_region (index, country) == GPOINTER_TO_INT (region);
}

static gboolean
type_has_parent (MeasuresIndex *index,
                 guint          type,
                 gpointer       parent)
{
  return measures_index_get_value_parent (index, MEASURES_FACET_TYPE, type) == GPOINTER_TO_INT (parent);
}

static void
build_rows (MeasuresFilterSidebar *self)
{
  g_autoptr(GArray) regions = NULL;
  g_autoptr(GArray) loose_countries = NULL;
  g_autoptr(GArray) categories = NULL;
  g_autoptr(GArray) forms = NULL;

  g_ptr_array_set_size (self->rows, 0);
  remove_children (self->place_box);
  remove_children (self->type_box);
  remove_children (self->form_box);

  if (self->index == NULL)
    return;

  regions = sorted_values (self->index, MEASURES_FACET_REGION, NULL, NULL);
  for (guint i = 0; i < regions->len; i++)
    {
      guint region = g_array_index (regions, guint, i);
      g_autoptr(GArray) countries =
        sorted_values (self->index, MEASURES_FACET_COUNTRY, country_in_region, GINT_TO_POINTER (region));
      GtkBox *children = NULL;

      add_row (self, self->place_box, MEASURES_FACET_REGION, region, &children);
      for (guint k = 0; k < countries->len; k++)
        add_row (self, children, MEASURES_FACET_COUNTRY, g_array_index (countries, guint, k), NULL);
    }

  loose_countries = sorted_values (self->index, MEASURES_FACET_COUNTRY, country_in_region, GINT_TO_POINTER (-1));
  for (guint k = 0; k < loose_countries->len; k++)
    add_row (self, self->place_box, MEASURES_FACET_COUNTRY, g_array_index (loose_countries, guint, k), NULL);

  categories = sorted_values (self->index, MEASURES_FACET_TYPE, type_has_parent, GINT_TO_POINTER (-1));
  for (guint i = 0; i < categories->len; i++)
    {
      guint category = g_array_index (categories, guint, i);
      g_autoptr(GArray) subcategories =
        sorted_values (self->index, MEASURES_FACET_TYPE, type_has_parent, GINT_TO_POINTER (category));
      GtkBox *children = NULL;

      add_row (self, self->type_box, MEASURES_FACET_TYPE, category,
               subcategories->len > 0 ? &children : NULL);
      for (guint k = 0; k < subcategories->len; k++)
        add_row (self, children, MEASURES_FACET_TYPE, g_array_index (subcategories, guint, k), NULL);
    }

  forms = sorted_values (self->index, MEASURES_FACET_FORM, NULL, NULL);
  for (guint i = 0; i < forms->len; i++)
    add_row (self, self->form_box, MEASURES_FACET_FORM, g_array_index (forms, guint, i), NULL);
}

static void
set_year_bounds (MeasuresFilterSidebar *self)
{
  int first, last;
  gboolean dated = self->index != NULL && measures_index_get_year_span (self->index, &first, &last);

  /* Nothing loaded, or nothing dated: no years to pick, and none made
   * up (the pickers are hidden). */
  if (!dated)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      first = last = g_date_time_get_year (now);
    }
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->year_from)), dated);

  self->first_year = first;
  self->last_year = last;

  self->syncing = TRUE;
  gtk_adjustment_configure (self->year_from_adjustment, first, first, last, 1, 5, 0);
  gtk_adjustment_configure (self->year_to_adjustment, last, first, last, 1, 5, 0);
  self->syncing = FALSE;
}

/* A spin button at the end of the data's span means "no bound". */
static void
years_changed_cb (MeasuresFilterSidebar *self,
                  GtkSpinButton         *spin)
{
  int from = gtk_spin_button_get_value_as_int (self->year_from);
  int to = gtk_spin_button_get_value_as_int (self->year_to);

  if (self->syncing || self->query == NULL)
    return;

  /* Keep the range in order by moving the other end. */
  if (from > to)
    {
      self->syncing = TRUE;
      if (spin == self->year_from)
        gtk_spin_button_set_value (self->year_to, to = from);
      else
        gtk_spin_button_set_value (self->year_from, from = to);
      self->syncing = FALSE;
    }

  measures_query_set_years (self->query,
                            from > self->first_year ? from : MEASURES_YEAR_NONE,
                            to < self->last_year ? to : MEASURES_YEAR_NONE);
}

static void
clear_place_cb (MeasuresFilterSidebar *self)
{
  if (self->query != NULL)
    measures_query_set_places (self->query, NULL, NULL);
}

static void
clear_years_cb (MeasuresFilterSidebar *self)
{
  if (self->query != NULL)
    measures_query_set_years (self->query, MEASURES_YEAR_NONE, MEASURES_YEAR_NONE);
}

static void
clear_type_cb (MeasuresFilterSidebar *self)
{
  if (self->query != NULL)
    measures_query_set_types (self->query, NULL);
}

static void
clear_form_cb (MeasuresFilterSidebar *self)
{
  if (self->query != NULL)
    measures_query_set_forms (self->query, NULL);
}

static gboolean
chosen (MeasuresQuery *query,
        MeasuresFacet  facet,
        const char    *value)
{
  g_autofree char *key = measures_facet_key (facet, value);

  return g_strv_contains (measures_query_get_values (query, facet), key);
}

/* Shows in the widgets what the query asks for. */
static void
sync_from_query (MeasuresFilterSidebar *self)
{
  gboolean any_place, any_type, any_form, any_years;
  int from, to;

  if (self->query == NULL)
    return;

  self->syncing = TRUE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      ValueRow *row = g_ptr_array_index (self->rows, i);
      const char *value = measures_index_get_value (self->index, row->facet, row->value);

      gtk_check_button_set_active (row->check, chosen (self->query, row->facet, value));
    }

  measures_query_get_years (self->query, &from, &to);
  gtk_spin_button_set_value (self->year_from, from != MEASURES_YEAR_NONE ? from : self->first_year);
  gtk_spin_button_set_value (self->year_to, to != MEASURES_YEAR_NONE ? to : self->last_year);

  self->syncing = FALSE;

  any_place = measures_query_get_values (self->query, MEASURES_FACET_COUNTRY)[0] != NULL ||
              measures_query_get_values (self->query, MEASURES_FACET_REGION)[0] != NULL;
  any_type = measures_query_get_values (self->query, MEASURES_FACET_TYPE)[0] != NULL;
  any_form = measures_query_get_values (self->query, MEASURES_FACET_FORM)[0] != NULL;
  any_years = measures_query_has_years (self->query);

  gtk_widget_set_sensitive (GTK_WIDGET (self->place_clear), any_place);
  gtk_widget_set_sensitive (GTK_WIDGET (self->type_clear), any_type);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form_clear), any_form);
  gtk_widget_set_sensitive (GTK_WIDGET (self->years_clear), any_years);
}

/* A dataset by its file's name, the folder in its tooltip; one that had
 * problems is marked, and says how many. */
static GtkWidget *
create_dataset_row (gpointer item,
                    gpointer user_data)
{
  MeasuresDataset *dataset = item;
  GFile *file = measures_dataset_get_file (dataset);
  guint n = measures_dataset_get_n_measures (dataset);
  guint n_problems = measures_dataset_get_problems (dataset)->len;
  gboolean bundled = file == NULL || g_file_has_uri_scheme (file, "resource");
  g_autoptr(GFile) own_file = measures_own_records_get_default_file ();
  gboolean own = file != NULL && g_file_equal (file, own_file);
  g_autofree char *basename = bundled ? NULL : own ? g_strdup (_("My Measures")) : g_file_get_basename (file);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (basename != NULL ? basename : measures_dataset_get_name (dataset));
  g_autofree char *count_text = measures_text_format_count (n);
  GtkWidget *count = gtk_label_new (count_text);
  g_autofree char *description =
    /* Translators: describes a dataset in the sidebar to screen readers;
     * %s is a number, with the locale's digit grouping */
    g_strdup_printf (ngettext ("%s measure", "%s measures", n), count_text);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (name, TRUE);
  if (!bundled)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *where = folder != NULL ? g_file_get_parse_name (folder) : g_file_get_parse_name (file);

      gtk_widget_set_tooltip_text (name, where);
    }
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (own ? "user-home-symbolic" : "x-office-document-symbolic"));
  gtk_box_append (GTK_BOX (box), name);

  if (n_problems > 0 || measures_dataset_get_error (dataset) != NULL)
    {
      GtkWidget *mark = gtk_button_new_from_icon_name ("dialog-warning-symbolic");
      g_autofree char *said =
        measures_dataset_get_error (dataset) != NULL
        ? g_strdup (measures_dataset_get_error (dataset)->message)
        /* Translators: the tooltip of a dataset's warning mark in the sidebar */
        : g_strdup_printf (ngettext ("%u problem while reading it: show the details",
                                     "%u problems while reading it: show the details", n_problems),
                           n_problems);

      gtk_widget_add_css_class (mark, "flat");
      gtk_widget_add_css_class (mark, "circular");
      gtk_widget_add_css_class (mark, "warning");
      gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (mark, said);
      gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL, said, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (mark), "win.show-problems");
      gtk_box_append (GTK_BOX (box), mark);
    }
  gtk_box_append (GTK_BOX (box), count);

  /* The user's own are not closed but exported. */
  if (own)
    {
      GtkWidget *export = gtk_button_new_from_icon_name ("document-save-as-symbolic");
      const char *tooltip = _("Export My Measures as a dataset file");

      gtk_widget_add_css_class (export, "flat");
      gtk_widget_add_css_class (export, "circular");
      gtk_widget_set_valign (export, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (export, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (export), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "win.export-own-records");
      gtk_box_append (GTK_BOX (box), export);
    }
  else if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
      const char *tooltip = g_file_has_uri_scheme (file, "resource")
                            ? _("Hide the bundled measures")
                            : _("Close this dataset; the file is left as it is");

      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_add_css_class (remove, "circular");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.remove-dataset");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_string (uri));
      gtk_box_append (GTK_BOX (box), remove);
    }

  if (measures_dataset_get_error (dataset) != NULL)
    gtk_widget_add_css_class (name, "error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (name)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  return row;
}

static void
measures_filter_sidebar_dispose (GObject *object)
{
  MeasuresFilterSidebar *self = (MeasuresFilterSidebar *)object;

  if (self->query != NULL)
    g_signal_handlers_disconnect_by_data (self->query, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), MEASURES_TYPE_FILTER_SIDEBAR);

  g_clear_object (&self->query);
  g_clear_object (&self->index);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (measures_filter_sidebar_parent_class)->dispose (object);
}

static void
measures_filter_sidebar_class_init (MeasuresFilterSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_filter_sidebar_dispose;

  g_type_ensure (MEASURES_TYPE_LIBRARY_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/measures-filter-sidebar.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, MeasuresFilterSidebar, scroller);
  gtk_widget_class_set_css_name (widget_class, "filtersidebar");
  gtk_widget_class_bind_template_child (widget_class, MeasuresFilterSidebar, place_box);
  gtk_widget_class_bind_template_child (widget_class, MeasuresFilterSidebar, place_clear);
  gtk_widget_class_bind_template_child (widget_class, MeasuresFilterSidebar, years_clear);
  gtk_widget_class_bind_template_child (widget_class, MeasuresFilterSidebar, year_from);
  gtk_widget_class_bind_template_child (widget_class, MeasuresFilterSidebar, year_to);
  gtk_widget_class_bind_template_child (widget_class, MeasuresFilterSidebar, year_from_adjustment);
  gtk_widget_class_bind_template_child (widget_class, MeasuresFilterSidebar, year_to_adjustment);
  gtk_widget_class_bind_template_child (widget_class, MeasuresFilterSidebar, type_box);
  gtk_widget_class_bind_template_child (widget_class, MeasuresFilterSidebar, type_clear);
  gtk_widget_class_bind_template_child (widget_class, MeasuresFilterSidebar, form_box);
  gtk_widget_class_bind_template_child (widget_class, MeasuresFilterSidebar, form_clear);
  gtk_widget_class_bind_template_child (widget_class, MeasuresFilterSidebar, dataset_list);
  gtk_widget_class_bind_template_child (widget_class, MeasuresFilterSidebar, library_section);
  gtk_widget_class_bind_template_callback (widget_class, years_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_place_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_years_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_type_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_form_cb);
}

static void
measures_filter_sidebar_init (MeasuresFilterSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new_with_free_func (g_free);
  set_year_bounds (self);
}

void
measures_filter_sidebar_set_query (MeasuresFilterSidebar *self,
                                   MeasuresQuery         *query)
{
  g_return_if_fail (MEASURES_IS_FILTER_SIDEBAR (self));

  if (self->query != NULL)
    g_signal_handlers_disconnect_by_data (self->query, self);

  if (g_set_object (&self->query, query) && query != NULL)
    g_signal_connect_swapped (query, "changed", G_CALLBACK (sync_from_query), self);

  sync_from_query (self);
  measures_library_section_set_query (self->library_section, query);
}

/**
 * measures_filter_sidebar_set_index:
 *
 * Lists the values of @index, with the data's span of years as the
 * bounds of the year range.
 */
void
measures_filter_sidebar_set_index (MeasuresFilterSidebar *self,
                                   MeasuresIndex         *index)
{
  g_return_if_fail (MEASURES_IS_FILTER_SIDEBAR (self));

  g_set_object (&self->index, index);
  build_rows (self);
  set_year_bounds (self);
  sync_from_query (self);
}

/**
 * measures_filter_sidebar_set_result:
 *
 * Shows the counts of @result beside the values.
 */
void
measures_filter_sidebar_set_result (MeasuresFilterSidebar *self,
                                    const MeasuresResult  *result)
{
  g_return_if_fail (MEASURES_IS_FILTER_SIDEBAR (self));

  measures_library_section_set_result (self->library_section, result);
  for (guint i = 0; i < self->rows->len; i++)
    {
      ValueRow *row = g_ptr_array_index (self->rows, i);
      guint count = result->counts[row->facet][row->value];
      g_autofree char *text = NULL;
      g_autofree char *description = NULL;

      /* Most counts stay as a search is typed. */
      if (row->counted && row->n == count)
        continue;

      text = measures_text_format_count (count);
      /* Translators: read by screen readers after a filter value;
       * %s is a number, with the locale's digit grouping */
      description = g_strdup_printf (ngettext ("%s measure", "%s measures", count), text);
      row->n = count;
      row->counted = TRUE;
      gtk_inscription_set_text (row->count, text);
      measures_accessible_set_description (GTK_WIDGET (row->check), description);
      if (count == 0)
        gtk_widget_add_css_class (row->row, "empty");
      else
        gtk_widget_remove_css_class (row->row, "empty");
    }
}

/**
 * measures_filter_sidebar_set_datasets:
 * @datasets: (nullable): the loaded datasets
 */
void
measures_filter_sidebar_set_datasets (MeasuresFilterSidebar *self,
                                      GListModel            *datasets)
{
  g_return_if_fail (MEASURES_IS_FILTER_SIDEBAR (self));

  gtk_list_box_bind_model (self->dataset_list, datasets, create_dataset_row, NULL, NULL);
}

static ValueRow *
find_row (MeasuresFilterSidebar *self,
          MeasuresFacet          facet,
          const char            *value)
{
  int position;

  if (self->index == NULL)
    return NULL;

  position = measures_index_find_value (self->index, facet, value);
  for (guint i = 0; position >= 0 && i < self->rows->len; i++)
    {
      ValueRow *row = g_ptr_array_index (self->rows, i);

      if (row->facet == facet && row->value == (guint) position)
        return row;
    }

  return NULL;
}

/**
 * measures_filter_sidebar_toggle_value:
 *
 * Checks or unchecks a value as a click would.
 *
 * Returns: %FALSE if the sidebar does not list @value
 */
gboolean
measures_filter_sidebar_toggle_value (MeasuresFilterSidebar *self,
                                      MeasuresFacet          facet,
                                      const char            *value)
{
  ValueRow *row;

  g_return_val_if_fail (MEASURES_IS_FILTER_SIDEBAR (self), FALSE);

  if ((row = find_row (self, facet, value)) == NULL)
    return FALSE;

  gtk_check_button_set_active (row->check, !gtk_check_button_get_active (row->check));

  return TRUE;
}

/**
 * measures_filter_sidebar_get_count:
 *
 * Returns: the count shown beside @value, or 0 if it is not listed
 */
guint
measures_filter_sidebar_get_count (MeasuresFilterSidebar *self,
                                   MeasuresFacet          facet,
                                   const char            *value)
{
  ValueRow *row;

  g_return_val_if_fail (MEASURES_IS_FILTER_SIDEBAR (self), 0);

  if ((row = find_row (self, facet, value)) == NULL)
    return 0;

  return row->n;
}

/**
 * measures_filter_sidebar_set_library:
 * @library: (nullable): the user's library, whose Starred, collections
 *   and saved searches the sidebar lists first
 */
void
measures_filter_sidebar_set_library (MeasuresFilterSidebar *self,
                                     MeasuresLibrary       *library)
{
  g_return_if_fail (MEASURES_IS_FILTER_SIDEBAR (self));

  measures_library_section_set_library (self->library_section, library);
}

/**
 * measures_filter_sidebar_get_mark_count:
 * @collection: (nullable): a collection's id, or %NULL for Starred
 *
 * Returns: the count shown beside Starred or the collection
 */
guint
measures_filter_sidebar_get_mark_count (MeasuresFilterSidebar *self,
                                        const char            *collection)
{
  g_return_val_if_fail (MEASURES_IS_FILTER_SIDEBAR (self), 0);

  return measures_library_section_get_count (self->library_section, collection);
}
