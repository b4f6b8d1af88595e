/* measures-measure-list.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-measure-list"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-measure-list.h"
#include "measures-measure-list-private.h"
#include "measures-result-model.h"

/* The list of the measures a session's query matches, as a table:
 *
 *   MeasuresSession:result → MeasuresResultModel (the matches in the
 *   chosen order; one items-changed for the stretch that changed)
 *     → its rows (the same places, each always the same item, given
 *       the measure there now) → GtkMultiSelection → GtkColumnView;
 *       its selected items
 *         → :n-selected, measures_measure_list_dup_selection()
 *       and the one selected last → :selected-measure (the measure
 *         the detail pane shows)
 *
 * The list follows the results while it is active (shown). While it is
 * not, a change of the query only marks it stale; it catches up once it
 * is active again or its model is asked for.
 */
struct _MeasuresMeasureList
{
  AdwBin parent_instance;

  /* Template children */
  GtkColumnView *column_view;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *country_column;
  GtkColumnViewColumn *years_column;
  GtkColumnViewColumn *type_column;
  GtkColumnViewColumn *form_column;

  MeasuresSession *session;
  MeasuresResultModel *results;
  GtkMultiSelection *selection;
  guint current;        /* the item selected last, or GTK_INVALID_LIST_POSITION */
  GtkBitset *was;       /* the items selected before the last change */
  GObject *probe_items[2];

  MeasuresSort sort;
  MeasuresSort probed_sort;
  guint sort_descending : 1;
  guint compact : 1;
  guint roomy : 1;
  guint columns_idle;
  guint active : 1;
  guint stale : 1;
  guint updating : 1;
  guint following : 1;
};

G_DEFINE_FINAL_TYPE (MeasuresMeasureList, measures_measure_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SORT_BY,
  PROP_SELECTED_MEASURE,
  PROP_N_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Sorting.
 *
 * The column view keeps which column sorts and in which direction, and
 * draws the arrows in the headers. Each column's sorter only reports
 * that it was asked: comparing two probe objects through the column
 * view's sorter tells which column is first and whether it is reversed,
 * with the API of GTK 4.8. The index then gives the order, from keys it
 * made once, and the result model shows it in one step. */


static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  MeasuresMeasureList *self = g_object_get_data (G_OBJECT (a), "list");

  self->probed_sort = GPOINTER_TO_UINT (user_data);

  return GTK_ORDERING_SMALLER;
}

static void
set_column_sorter (GtkColumnViewColumn *column,
                   MeasuresSort         sort)
{
  g_autoptr(GtkSorter) sorter =
    GTK_SORTER (gtk_custom_sorter_new (probe_compare, GUINT_TO_POINTER (sort), NULL));

  gtk_column_view_column_set_sorter (column, sorter);
}

static GtkColumnViewColumn *
column_for_sort (MeasuresMeasureList *self,
                 MeasuresSort         sort)
{
  switch (sort)
    {
    case MEASURES_SORT_TITLE:
      return self->title_column;
    case MEASURES_SORT_COUNTRY:
      return self->country_column;
    case MEASURES_SORT_YEAR:
      return self->years_column;
    case MEASURES_SORT_TYPE:
      return self->type_column;
    case MEASURES_SORT_FORM:
      return self->form_column;
    case MEASURES_SORT_NONE:
    case MEASURES_N_SORTS:
    default:
      return NULL;
    }
}

/* Where the measure selected before an update is now; the first when
 * it is gone, never the one that took its place. */
static guint
find_kept (MeasuresMeasureList *self,
           MeasuresIndex       *index,
           guint                position,
           const char          *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));

  if (n == 0)
    return GTK_INVALID_LIST_POSITION;

  if (id == NULL)
    return 0;

  /* The same records: their positions stand. */
  if (index == measures_result_model_get_index (self->results))
    {
      guint item = measures_result_model_find (self->results, position);

      return item != G_MAXUINT ? item : 0;
    }

  /* Loaded again: the same id, if it is still there. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (G_LIST_MODEL (self->results), i);

      if (g_str_equal (measures_measure_get_id (measure), id))
        return i;
    }

  return 0;
}

/* What is selected now: a copy, for the model's own set changes with
 * the selection. */
static GtkBitset *
selection_copy (MeasuresMeasureList *self)
{
  g_autoptr(GtkBitset) items = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  return gtk_bitset_copy (items);
}

/* Selects @item alone, or nothing. */
static void
select_only (MeasuresMeasureList *self,
             guint                item)
{
  if (item == GTK_INVALID_LIST_POSITION)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  else
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), item, TRUE);
}

/* The index positions of the selected measures. */
static GtkBitset *
selected_positions (MeasuresMeasureList *self)
{
  g_autoptr(GtkBitset) items = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitset *positions = gtk_bitset_new_empty ();
  GtkBitsetIter iter;
  guint item;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, items, &item); ok; ok = gtk_bitset_iter_next (&iter, &item))
    gtk_bitset_add (positions, measures_result_model_get_position (self->results, item));

  return positions;
}

/* After an update of the same records, the measures selected before
 * that are still shown, in one pass over the list. */
static void
select_kept (MeasuresMeasureList *self,
             GtkBitset           *positions,
             guint                current)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  g_autoptr(GtkBitset) items = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) all = gtk_bitset_new_range (0, n);

  for (guint i = 0; i < n; i++)
    if (gtk_bitset_contains (positions, measures_result_model_get_position (self->results, i)))
      gtk_bitset_add (items, i);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), items, all);
  self->current = current;
  g_clear_pointer (&self->was, gtk_bitset_unref);
  self->was = gtk_bitset_copy (items);
}

static void
update (MeasuresMeasureList *self)
{
  const MeasuresResult *result;
  guint selected = self->current;
  g_autoptr(MeasuresIndex) index = NULL;
  g_autoptr(GtkBitset) positions = NULL;
  g_autofree char *id = NULL;
  guint position = G_MAXUINT;
  guint kept;

  self->stale = FALSE;
  if (self->session == NULL)
    return;

  if (selected != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (G_LIST_MODEL (self->results), selected);

      position = measures_result_model_get_position (self->results, selected);
      id = g_strdup (measures_measure_get_id (measure));
      index = g_object_ref (measures_result_model_get_index (self->results));
      if (gtk_bitset_get_size (self->was) > 1)
        positions = selected_positions (self);
    }

  result = measures_session_get_result (self->session);
  /* The same records, other results: a search being typed. */
  self->following = measures_result_model_get_index (self->results) != NULL &&
                    measures_result_model_get_index (self->results) == measures_session_get_index (self->session);
  self->updating = TRUE;
  measures_result_model_update (self->results, measures_session_get_index (self->session),
                                result != NULL ? result->matches : NULL,
                                self->sort, self->sort_descending);

  kept = find_kept (self, index, position, id);
  if (positions != NULL && index == measures_result_model_get_index (self->results) &&
      measures_result_model_find (self->results, position) != G_MAXUINT)
    select_kept (self, positions, kept);
  else
    {
      select_only (self, kept);
      self->current = kept;
      g_clear_pointer (&self->was, gtk_bitset_unref);
      self->was = selection_copy (self);
    }
  self->updating = FALSE;

  /* Told once, for what is selected now. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_MEASURE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SELECTED]);
  self->following = FALSE;
}

static void
follow (MeasuresMeasureList *self)
{
  if (self->active)
    update (self);
  else
    self->stale = TRUE;
}

static void
catch_up (MeasuresMeasureList *self)
{
  if (self->stale)
    update (self);
}

static void
sort_changed_cb (MeasuresMeasureList *self)
{
  GtkSorter *sorter;
  GtkOrdering order;

  /* The columns go away one by one while the list is destroyed. */
  if (self->column_view == NULL || self->results == NULL)
    return;

  sorter = gtk_column_view_get_sorter (self->column_view);
  self->probed_sort = MEASURES_SORT_NONE;
  order = gtk_sorter_compare (sorter, self->probe_items[0], self->probe_items[1]);

  if (self->probed_sort == self->sort &&
      (order == GTK_ORDERING_LARGER) == self->sort_descending)
    return;

  self->sort = self->probed_sort;
  self->sort_descending = order == GTK_ORDERING_LARGER;
  follow (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_BY]);
}

static void
set_sort_by (MeasuresMeasureList *self,
             const char          *name)
{
  MeasuresSort sort;
  gboolean descending;

  if (measures_sort_from_name (name, &sort, &descending))
    gtk_column_view_sort_by_column (self->column_view, column_for_sort (self, sort),
                                    descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

/* The column headers (GTK gives them the column-header role, which
 * GTK 4.8 does not pass on to AT-SPI) read as their titles, and their
 * row as "Columns: Title, Country, …". GTK 4.8 has no API for either:
 * the header row is the column view's first child. */
static void
name_headers (MeasuresMeasureList *self)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  g_autoptr(GString) titles = g_string_new (NULL);
  g_autofree char *name = NULL;
  GtkWidget *title = header != NULL ? gtk_widget_get_first_child (header) : NULL;

  if (header == NULL || gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (header)) != GTK_ACCESSIBLE_ROLE_ROW)
    return;

  /* The rows' own list, inside the table. */
  for (GtkWidget *child = header; child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)) == GTK_ACCESSIBLE_ROLE_LIST)
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Measures"), -1);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *text = gtk_column_view_column_get_title (column);

      g_string_append_printf (titles, "%s%s", i > 0 ? ", " : "", text);
      for (; title != NULL; title = gtk_widget_get_next_sibling (title))
        if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (title)) == GTK_ACCESSIBLE_ROLE_COLUMN_HEADER)
          {
            gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
            title = gtk_widget_get_next_sibling (title);
            break;
          }
    }

  /* Translators: read by screen readers on the list's header row; %s
   * lists the columns' titles */
  name = g_strdup_printf (_("Columns: %s"), titles->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* Tab leaves the list, for the next region of the window, rather than
 * going through every row (GTK 4.8's lists have no tab-behavior): the
 * list stops taking focus for the time the window moves it on; the
 * arrows still move from row to row. */
static gboolean
key_pressed_cb (MeasuresMeasureList   *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  gboolean backward = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0;

  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || root == NULL)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_set_can_focus (GTK_WIDGET (self->column_view), FALSE);
  gtk_widget_child_focus (root, backward ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
  gtk_widget_set_can_focus (GTK_WIDGET (self->column_view), TRUE);

  return GDK_EVENT_STOP;
}

static void
activate_cb (MeasuresMeasureList *self,
             guint                position)
{
  if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    select_only (self, position);
  self->current = position;
  g_signal_emit (self, signals[ACTIVATE], 0);
}

/* The measure selected last, which the detail pane shows: of those a
 * change selected, the one at its far end from the measure before
 * (where Shift and an arrow or a click went); when a change only took
 * measures out, the one before if it stays, else the last selected. */
static void
selection_changed_cb (MeasuresMeasureList *self)
{
  g_autoptr(GtkBitset) now = NULL;
  g_autoptr(GtkBitset) added = NULL;
  guint current = self->current;

  /* While the model changes, the selection goes through what it must. */
  if (self->updating)
    return;

  now = selection_copy (self);
  added = gtk_bitset_copy (now);
  if (self->was != NULL)
    gtk_bitset_subtract (added, self->was);

  if (!gtk_bitset_is_empty (added))
    current = current != GTK_INVALID_LIST_POSITION && gtk_bitset_get_minimum (added) < current
              ? gtk_bitset_get_minimum (added) : gtk_bitset_get_maximum (added);
  else if (current == GTK_INVALID_LIST_POSITION || !gtk_bitset_contains (now, current))
    current = gtk_bitset_is_empty (now) ? GTK_INVALID_LIST_POSITION : gtk_bitset_get_maximum (now);

  g_clear_pointer (&self->was, gtk_bitset_unref);
  self->was = g_steal_pointer (&now);
  self->current = current;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_MEASURE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SELECTED]);
}

/* Columns
 *
 * Cells ellipsize, so their least number of characters sets how narrow a
 * column may get. The title is what people scan: it asks for the most,
 * the other columns little more than their values need, and it alone
 * takes whatever room is left. Where that leaves the title too little
 * (beside the sidebar and the measure on a 1280-pixel screen, 32
 * characters), the types and forms, which the measure beside the list
 * shows, give their room to it. */

/* The width from which the list shows every column: the types and forms
 * take about 180 pixels, and the title keeps some 55 characters. */
#define ROOMY_WIDTH 760

static void
update_columns (MeasuresMeasureList *self)
{
  gboolean all = !self->compact && self->roomy;

  gtk_column_view_column_set_visible (self->type_column, all);
  gtk_column_view_column_set_visible (self->form_column, all);
}

static gboolean
update_columns_idle (gpointer data)
{
  MeasuresMeasureList *self = data;

  self->columns_idle = 0;
  update_columns (self);

  return G_SOURCE_REMOVE;
}

/* The list lays out its one child with a layout of its own rather than
 * AdwBin's, so that it sees its width. */
static void
layout_measure (GtkWidget      *widget,
                GtkOrientation  orientation,
                int             for_size,
                int            *minimum,
                int            *natural,
                int            *minimum_baseline,
                int            *natural_baseline)
{
  gtk_widget_measure (adw_bin_get_child (ADW_BIN (widget)), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* The list's width comes from the window, not from its columns, so that
 * showing or hiding them never changes it: no loop. They change after
 * the allocation, not during it. */
static void
layout_allocate (GtkWidget *widget,
                 int        width,
                 int        height,
                 int        baseline)
{
  MeasuresMeasureList *self = MEASURES_MEASURE_LIST (widget);
  gboolean roomy = width >= ROOMY_WIDTH;

  gtk_widget_allocate (adw_bin_get_child (ADW_BIN (widget)), width, height, baseline, NULL);

  if (roomy != self->roomy)
    {
      self->roomy = roomy;
      if (self->columns_idle == 0)
        self->columns_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_columns_idle, self, NULL);
    }
}

static void
measures_measure_list_dispose (GObject *object)
{
  MeasuresMeasureList *self = MEASURES_MEASURE_LIST (object);

  g_clear_handle_id (&self->columns_idle, g_source_remove);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);

  gtk_widget_dispose_template (GTK_WIDGET (self), MEASURES_TYPE_MEASURE_LIST);

  g_clear_object (&self->selection);
  g_clear_pointer (&self->was, gtk_bitset_unref);
  g_clear_object (&self->results);
  g_clear_object (&self->probe_items[0]);
  g_clear_object (&self->probe_items[1]);

  G_OBJECT_CLASS (measures_measure_list_parent_class)->dispose (object);
}

static void
measures_measure_list_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  MeasuresMeasureList *self = MEASURES_MEASURE_LIST (object);

  switch (prop_id)
    {
    case PROP_SORT_BY:
      g_value_set_string (value, measures_sort_to_name (self->sort, self->sort_descending));
      break;
    case PROP_SELECTED_MEASURE:
      g_value_set_object (value, measures_measure_list_get_selected (self));
      break;
    case PROP_N_SELECTED:
      g_value_set_uint (value, measures_measure_list_get_n_selected (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_measure_list_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  MeasuresMeasureList *self = MEASURES_MEASURE_LIST (object);

  switch (prop_id)
    {
    case PROP_SORT_BY:
      set_sort_by (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_measure_list_class_init (MeasuresMeasureListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_measure_list_dispose;
  object_class->get_property = measures_measure_list_get_property;
  object_class->set_property = measures_measure_list_set_property;

  /**
   * MeasuresMeasureList:sort-by:
   *
   * The order of the list, as measures_sort_from_name() reads it; the
   * column headers set it too.
   */
  properties[PROP_SORT_BY] =
    g_param_spec_string ("sort-by", NULL, NULL, "none",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_MEASURE] =
    g_param_spec_object ("selected-measure", NULL, NULL, MEASURES_TYPE_MEASURE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MeasuresMeasureList:n-selected:
   *
   * How many measures are selected (Ctrl or Shift and a click, Shift
   * and an arrow, Ctrl+A).
   */
  properties[PROP_N_SELECTED] =
    g_param_spec_uint ("n-selected", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MeasuresMeasureList::activate:
   *
   * A measure was opened: Enter or a double click on its row, or one
   * click in single-click mode. It is the selected one.
   */
  signals[ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/measures-measure-list.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureList, column_view);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureList, title_column);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureList, country_column);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureList, years_column);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureList, type_column);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureList, form_column);
  gtk_widget_class_bind_template_callback (widget_class, setup_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_years_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_title_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_title_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_country_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_years_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_type_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_form_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_cell_cb);
}

static void
measures_measure_list_init (MeasuresMeasureList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self), gtk_custom_layout_new (NULL, layout_measure, layout_allocate));
  /* The labels of values are kept while lists live; a new window's
   * list makes them again, in the language of the moment. */
  _measures_measure_list_cells_refresh ();

  self->active = TRUE;
  /* As the template has the columns: all shown. */
  self->roomy = TRUE;
  self->results = measures_result_model_new ();

  for (guint i = 0; i < G_N_ELEMENTS (self->probe_items); i++)
    {
      self->probe_items[i] = g_object_new (G_TYPE_OBJECT, NULL);
      g_object_set_data (self->probe_items[i], "list", self);
    }

  name_headers (self);

  set_column_sorter (self->title_column, MEASURES_SORT_TITLE);
  set_column_sorter (self->country_column, MEASURES_SORT_COUNTRY);
  set_column_sorter (self->years_column, MEASURES_SORT_YEAR);
  set_column_sorter (self->type_column, MEASURES_SORT_TYPE);
  set_column_sorter (self->form_column, MEASURES_SORT_FORM);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sort_changed_cb), self, G_CONNECT_SWAPPED);

  /* The selection follows the measures, not the rows: see update(). */
  self->selection = gtk_multi_selection_new (measures_result_model_get_rows (self->results));
  self->current = GTK_INVALID_LIST_POSITION;
  self->was = gtk_bitset_new_empty ();
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (activate_cb), self, G_CONNECT_SWAPPED);

  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->column_view), keys);
  }

  /* Ctrl+C copies the selected measures; elsewhere it copies text. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>c"),
                                                            gtk_named_action_new ("win.copy")));
    gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);
  }
}

/**
 * measures_measure_list_set_session:
 * @session: the session whose matches the list shows
 */
void
measures_measure_list_set_session (MeasuresMeasureList *self,
                                   MeasuresSession     *session)
{
  g_return_if_fail (MEASURES_IS_MEASURE_LIST (self));
  g_return_if_fail (MEASURES_IS_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  g_signal_connect_swapped (session, "result-changed", G_CALLBACK (follow), self);
  follow (self);
}

/**
 * measures_measure_list_set_active:
 * @active: whether the list is shown, and follows the results at once
 */
void
measures_measure_list_set_active (MeasuresMeasureList *self,
                                  gboolean             active)
{
  g_return_if_fail (MEASURES_IS_MEASURE_LIST (self));

  self->active = !!active;
  if (self->active)
    catch_up (self);
}

/**
 * measures_measure_list_get_model:
 *
 * Returns: (transfer none): the measures shown, in the order shown,
 *   brought up to date
 */
GListModel *
measures_measure_list_get_model (MeasuresMeasureList *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE_LIST (self), NULL);

  catch_up (self);

  return G_LIST_MODEL (self->results);
}

/**
 * measures_measure_list_get_selected:
 *
 * Returns: (transfer none) (nullable): the measure selected last, which
 *   the detail pane shows
 */
MeasuresMeasure *
measures_measure_list_get_selected (MeasuresMeasureList *self)
{
  g_autoptr(MeasuresMeasure) measure = NULL;

  g_return_val_if_fail (MEASURES_IS_MEASURE_LIST (self), NULL);

  if (self->current == GTK_INVALID_LIST_POSITION ||
      self->current >= g_list_model_get_n_items (G_LIST_MODEL (self->results)))
    return NULL;

  /* The model keeps its items while they are shown. */
  measure = g_list_model_get_item (G_LIST_MODEL (self->results), self->current);

  return measure;
}

/**
 * measures_measure_list_get_following_results:
 *
 * Returns: whether the selection is changing because the results of the
 *   same records did (a search typed, a filter chosen), not because the
 *   user moved it or the records were loaded
 */
gboolean
measures_measure_list_get_following_results (MeasuresMeasureList *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE_LIST (self), FALSE);

  return self->following;
}

/**
 * measures_measure_list_get_n_selected:
 *
 * Returns: how many measures are selected
 */
guint
measures_measure_list_get_n_selected (MeasuresMeasureList *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE_LIST (self), 0);

  return self->was != NULL ? (guint) gtk_bitset_get_size (self->was) : 0;
}

/**
 * measures_measure_list_dup_selection:
 *
 * Returns: (transfer container) (element-type MeasuresMeasure): the
 *   selected measures, in the order shown
 */
GPtrArray *
measures_measure_list_dup_selection (MeasuresMeasureList *self)
{
  g_autoptr(GtkBitset) items = NULL;
  GPtrArray *measures = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint item;

  g_return_val_if_fail (MEASURES_IS_MEASURE_LIST (self), measures);

  items = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, items, &item); ok; ok = gtk_bitset_iter_next (&iter, &item))
    g_ptr_array_add (measures, g_list_model_get_item (G_LIST_MODEL (self->results), item));

  return measures;
}

/**
 * measures_measure_list_dup_measures:
 * @matches: measures of the session's index
 *
 * Returns: (transfer container) (element-type MeasuresMeasure): the
 *   measures of @matches, in the order the list sorts by
 */
GPtrArray *
measures_measure_list_dup_measures (MeasuresMeasureList  *self,
                                    const MeasuresBitset *matches)
{
  GPtrArray *measures = g_ptr_array_new_with_free_func (g_object_unref);
  MeasuresIndex *index;
  const guint *order;
  guint n;

  g_return_val_if_fail (MEASURES_IS_MEASURE_LIST (self), measures);
  g_return_val_if_fail (matches != NULL, measures);

  if (self->session == NULL)
    return measures;

  index = measures_session_get_index (self->session);
  if (index == NULL)
    return measures;
  n = measures_index_get_n_measures (index);
  g_return_val_if_fail (matches->n_bits == n, measures);
  order = measures_index_get_order (index, self->sort, self->sort_descending);
  for (guint i = 0; i < n; i++)
    if (measures_bitset_get (matches, order[i]))
      g_ptr_array_add (measures, g_object_ref (measures_index_get_measure (index, order[i])));

  return measures;
}

/**
 * measures_measure_list_select:
 * @id: the id of a measure
 *
 * Selects the measure with @id and scrolls the list to it.
 *
 * Returns: %TRUE if a measure with @id is in the list
 */
gboolean
measures_measure_list_select (MeasuresMeasureList *self,
                              const char          *id)
{
  GListModel *model;

  g_return_val_if_fail (MEASURES_IS_MEASURE_LIST (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  model = measures_measure_list_get_model (self);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (model, i);

      if (g_str_equal (measures_measure_get_id (measure), id))
        {
          select_only (self, i);
#if GTK_CHECK_VERSION (4, 12, 0)
          G_GNUC_BEGIN_IGNORE_DEPRECATIONS
          gtk_column_view_scroll_to (self->column_view, i, NULL, GTK_LIST_SCROLL_FOCUS, NULL);
          G_GNUC_END_IGNORE_DEPRECATIONS
#endif
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * measures_measure_list_refresh:
 *
 * Binds every row again and sorts again, for a new content language.
 */
void
measures_measure_list_refresh (MeasuresMeasureList *self)
{
  g_return_if_fail (MEASURES_IS_MEASURE_LIST (self));

  _measures_measure_list_cells_refresh ();
  measures_result_model_refresh (self->results);
  follow (self);
}

/**
 * measures_measure_list_set_compact:
 * @compact: whether the list stands alone, one page of a narrow window:
 *   one click opens a measure, and the columns of types and forms (which
 *   the measure shows) give their room to the title, as they do in a list
 *   narrower than ROOMY_WIDTH
 */
void
measures_measure_list_set_compact (MeasuresMeasureList *self,
                                   gboolean             compact)
{
  g_return_if_fail (MEASURES_IS_MEASURE_LIST (self));

  gtk_column_view_set_single_click_activate (self->column_view, compact);
  self->compact = !!compact;
  update_columns (self);
}
