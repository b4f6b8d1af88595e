/* measures-compare-view.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-compare-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "measures-accessible.h"
#include "measures-compare-view.h"
#include "measures-coverage-chart.h"
#include "measures-file.h"
#include "measures-text.h"

/* Countries compared: the coverage matrix of the matching measures as a
 * table (MeasuresCoverageGrid), or the world map of them, drawn by the
 * core's map code in a drawing area that follows the light or dark
 * style. Both come from one MeasuresCoverage, computed from the same
 * index and bitsets as the sidebar's counts whenever the matches change,
 * while the view is shown.
 *
 * Clicking a cell filters by its country and its category or form, a
 * row's heading by the country, a column's by the category or form, a
 * country of the map by the country. The map's text alternative is a
 * table under it, filled only while open. The matrix is exported as
 * CSV, PNG or SVG, the map as PNG or SVG, in a thread. */

/* The map's area: as tall as the map needs at its width, drawn by the
 * core's map code on a Cairo node. */

#define MEASURES_TYPE_MAP_AREA (measures_map_area_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresMapArea, measures_map_area, MEASURES, MAP_AREA, GtkWidget)

struct _MeasuresMapArea
{
  GtkWidget parent_instance;

  /* Borrowed references */
  MeasuresCompareView *view;
};

G_DEFINE_FINAL_TYPE (MeasuresMapArea, measures_map_area, GTK_TYPE_WIDGET)

struct _MeasuresCompareView
{
  GtkWidget parent_instance;

  /* Template children */
  GtkWidget *box;               /* the only child: bound so that
                                 * gtk_widget_dispose_template() unparents it */
  GtkStack *stack;
  GtkMenuButton *options_button;
  GMenuModel *table_menu;
  GMenuModel *map_menu;
  MeasuresCoverageGrid *grid;
  MeasuresMapArea *map_area;
  GtkLabel *summary_label;
  GtkExpander *map_expander;
  GtkListBox *map_table;

  /* Owned references */
  MeasuresQuery *query;
  MeasuresIndex *index;
  MeasuresBitset *matches;      /* those the coverage was computed from */
  MeasuresCoverage *coverage;
  MeasuresTextCache *map_text_cache;
  GCancellable *cancellable;    /* of the exports */

  /* State */
  char *mode;                   /* "table" or "map" */
  MeasuresCoverageBy by;
  MeasuresCoverageSort sort;
  MeasuresMapZoom zoom;
  guint describe_source;
};

G_DEFINE_FINAL_TYPE (MeasuresCompareView, measures_compare_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODE,
  PROP_BY,
  PROP_SORT,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const sort_names[] = { "name", "count" };

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static gboolean
showing_map (MeasuresCompareView *self)
{
  return g_strcmp0 (self->mode, "map") == 0;
}

/* The map */

static double
map_height (MeasuresCompareView *self,
            double               width)
{
  if (self->coverage == NULL || width < 1)
    return 0;

  return ceil (measures_map_get_height (self->coverage, self->zoom, width));
}

static GtkSizeRequestMode
measures_map_area_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
measures_map_area_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  MeasuresMapArea *area = MEASURES_MAP_AREA (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 0;
      *natural = (int) MEASURES_MAP_IMAGE_WIDTH;
    }
  else
    *minimum = *natural = area->view != NULL
                          ? (int) map_height (area->view, for_size >= 0 ? for_size : MEASURES_MAP_IMAGE_WIDTH) : 0;
}

static void
measures_map_area_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  MeasuresMapArea *area = MEASURES_MAP_AREA (widget);
  MeasuresCompareView *self = area->view;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  MeasuresChartStyle style = { is_dark (), 0, NULL, NULL };
  cairo_t *cr;

  if (self == NULL || self->coverage == NULL || width <= 0 || height <= 0)
    return;

  style.text_cache = self->map_text_cache;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  measures_map_draw (self->coverage, self->zoom, cr, gtk_widget_get_pango_context (widget), width, height, &style);
  cairo_destroy (cr);
}

static void
measures_map_area_class_init (MeasuresMapAreaClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->get_request_mode = measures_map_area_get_request_mode;
  widget_class->measure = measures_map_area_measure;
  widget_class->snapshot = measures_map_area_snapshot;
  gtk_widget_class_set_css_name (widget_class, "maparea");
}

static void
measures_map_area_init (MeasuresMapArea *area)
{
}

static gboolean
map_tooltip_cb (GtkWidget           *area,
                int                  x,
                int                  y,
                gboolean             keyboard,
                GtkTooltip          *tooltip,
                MeasuresCompareView *self)
{
  g_autofree char *text = NULL;
  MeasuresMapHit hit;

  if (self->coverage == NULL || keyboard ||
      !measures_map_hit (self->coverage, self->zoom, gtk_widget_get_width (area), x, y, &hit))
    return FALSE;

  text = measures_map_describe_hit (self->coverage, &hit, NULL);
  gtk_tooltip_set_text (tooltip, text);
  /* A new tooltip for the next country. */
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { x - 2, y - 2, 4, 4 });

  return TRUE;
}

static void
map_motion_cb (GtkEventControllerMotion *motion,
               double                    x,
               double                    y,
               MeasuresCompareView      *self)
{
  MeasuresMapHit hit;
  gboolean over = self->coverage != NULL &&
                  measures_map_hit (self->coverage, self->zoom, gtk_widget_get_width (GTK_WIDGET (self->map_area)),
                                    x, y, &hit) && hit.row >= 0;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->map_area), over ? "pointer" : NULL);
}

/* Filters by the country of the data in row @row of the coverage. */
static void
filter_by_country (MeasuresCompareView *self,
                   int                  row)
{
  const char *places[] = { NULL, NULL };

  if (self->coverage == NULL || self->query == NULL || row < 0 || (guint) row >= self->coverage->rows->len)
    return;

  places[0] = measures_index_get_value (self->index, MEASURES_FACET_COUNTRY,
                                        g_array_index (self->coverage->rows, MeasuresCoverageRow, row).country);
  measures_query_set_places (self->query, places, NULL);
}

static void
map_released_cb (GtkGestureClick     *gesture,
                 int                  n_press,
                 double               x,
                 double               y,
                 MeasuresCompareView *self)
{
  measures_compare_view_activate_map_at (self, x, y);
}

/* The map's table */

static GtkWidget *
table_row (GStrv    cells,
           GStrv    head,
           gboolean is_head)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *row = gtk_list_box_row_new ();
  g_autoptr(GString) spoken = g_string_new (NULL);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);

  for (guint i = 0; cells[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (NULL);

      /* Record text, set as text. */
      gtk_label_set_text (GTK_LABEL (label), cells[i]);
      gtk_label_set_xalign (GTK_LABEL (label), i == 2 ? 1 : 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, i == 0);
      gtk_widget_set_size_request (label, i == 0 ? 160 : 110, -1);
      if (i == 2)
        gtk_widget_add_css_class (label, "numeric");
      if (is_head)
        gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (box), label);

      if (!is_head && *cells[i] != '\0')
        g_string_append_printf (spoken, "%s%s%s%s", i > 0 ? ", " : "", i > 0 ? head[i] : "", i > 0 ? ": " : "",
                                cells[i]);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  if (is_head)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
    }
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken->str, -1);

  return row;
}

static void
fill_map_table (MeasuresCompareView *self)
{
  g_autoptr(GPtrArray) table = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->map_table))) != NULL)
    gtk_list_box_remove (self->map_table, child);

  if (self->coverage == NULL || !gtk_expander_get_expanded (self->map_expander))
    return;

  table = measures_map_get_table (self->coverage, NULL);
  for (guint r = 0; r < table->len; r++)
    gtk_list_box_append (self->map_table,
                         table_row (g_ptr_array_index (table, r), g_ptr_array_index (table, 0), r == 0));
}

static void
expanded_cb (MeasuresCompareView *self)
{
  fill_map_table (self);
}

static void
map_row_activated_cb (MeasuresCompareView *self,
                      GtkListBoxRow       *row)
{
  /* The first row is the heading; row n + 1 is the coverage's row n. */
  filter_by_country (self, gtk_list_box_row_get_index (row) - 1);
}

/* The table */

static void
cell_activated_cb (MeasuresCompareView  *self,
                   int                   row,
                   int                   column)
{
  const char *values[] = { NULL, NULL };
  MeasuresFacet facet = MEASURES_FACET_TYPE;

  if (self->coverage == NULL || self->query == NULL)
    return;

  /* The column's value first: filtering by the country can make a new
   * coverage at once. */
  if (column >= 0 && (guint) column < self->coverage->columns->len)
    {
      const MeasuresCoverageColumn *c = &g_array_index (self->coverage->columns, MeasuresCoverageColumn, column);

      facet = c->facet;
      values[0] = measures_index_get_value (self->index, c->facet, c->value);
    }

  if (row >= 0)
    filter_by_country (self, row);
  if (values[0] != NULL)
    measures_query_set_values (self->query, facet, values);
}

/* Figures */

static gboolean
describe_cb (gpointer data)
{
  MeasuresCompareView *self = data;
  g_autofree char *description = NULL;

  self->describe_source = 0;
  if (self->coverage != NULL)
    description = measures_map_describe (self->coverage, NULL);

  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->map_area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->map_area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  return G_SOURCE_REMOVE;
}

static void
show_figures (MeasuresCompareView *self)
{
  guint n = self->coverage != NULL ? self->coverage->n_matches : 0;
  guint countries = 0;
  g_autofree char *count = NULL;
  g_autofree char *countries_text = NULL;
  g_autofree char *matching = NULL;
  g_autofree char *summary = NULL;

  for (guint r = 0; self->coverage != NULL && r < self->coverage->rows->len; r++)
    countries += g_array_index (self->coverage->rows, MeasuresCoverageRow, r).matches > 0;
  count = measures_text_format_count (n);
  countries_text = measures_text_format_count (countries);

  /* Translators: the first half of the sentence above the comparison
   * of countries; %s is a number */
  matching = g_strdup_printf (ngettext ("%s measure matches", "%s measures match", n), count);
  if (showing_map (self))
    /* Translators: the first %s is "12 measures match", the second a number of countries */
    summary = g_strdup_printf (ngettext ("%s, in %s country. Point at a country for its figures; click it to "
                                         "filter by it.",
                                         "%s, in %s countries. Point at a country for its figures; click it to "
                                         "filter by it.", countries),
                               matching, countries_text);
  else
    /* Translators: the first %s is "12 measures match", the second a number of countries */
    summary = g_strdup_printf (ngettext ("%s, in %s country. Click a cell to filter by its country and column; "
                                         "– means the data has no such measure at all.",
                                         "%s, in %s countries. Click a cell to filter by its country and column; "
                                         "– means the data has no such measure at all.", countries),
                               matching, countries_text);
  gtk_label_set_text (self->summary_label, summary);

  measures_coverage_grid_set_coverage (self->grid, self->coverage);
  gtk_widget_queue_resize (GTK_WIDGET (self->map_area));
  fill_map_table (self);

  if (self->describe_source == 0)
    self->describe_source = g_idle_add_full (G_PRIORITY_LOW, describe_cb, self, NULL);
}

/* Computes the coverage again, for the same measures in another order
 * or with other columns. */
static void
recompute (MeasuresCompareView *self)
{
  MeasuresCoverage *old = self->coverage;

  if (self->index == NULL || self->matches == NULL)
    return;

  /* The grid borrows the coverage: give it the new one before the old
   * one goes. */
  self->coverage = measures_coverage_new (self->index, self->matches, self->by, self->sort, NULL);
  show_figures (self);
  measures_coverage_free (old);
}

/* Exports */

typedef struct
{
  MeasuresIndex *index;
  MeasuresBitset *matches;
  MeasuresCoverageBy by;
  MeasuresCoverageSort sort;
  gboolean map;
  MeasuresMapZoom zoom;
  char *format;
  GFile *file;
} ExportJob;

/* What tells this view's exports apart from other tasks. */
static char export_tag;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->index);
  g_clear_pointer (&job->matches, measures_bitset_free);
  g_clear_object (&job->file);
  g_free (job->format);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(MeasuresCoverage) coverage = measures_coverage_new (job->index, job->matches, job->by, job->sort, NULL);
  MeasuresChartStyle style = { FALSE };
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  if (g_str_equal (job->format, "csv"))
    bytes = measures_coverage_to_csv (coverage, job->index);
  else if (g_str_equal (job->format, "png"))
    bytes = job->map ? measures_map_to_png (coverage, job->zoom, MEASURES_MAP_IMAGE_WIDTH, 2, &style, &error)
                     : measures_coverage_chart_to_png (coverage, 2, &style, &error);
  else
    bytes = job->map ? measures_map_to_svg (coverage, job->zoom, MEASURES_MAP_IMAGE_WIDTH, &style)
                     : measures_coverage_chart_to_svg (coverage, &style);

  if (bytes == NULL || !measures_file_replace_contents (job->file, bytes, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(MeasuresCompareView) self = MEASURES_COMPARE_VIEW (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The same notification as the window's exports. */
      title = g_strdup_printf (_("Could not export: %s"), error->message);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (job->file);

      title = g_strdup_printf (_("Exported “%s”"), name);
    }

  if (overlay == NULL)
    return;

  toast = adw_toast_new (title);
  if (error != NULL)
    adw_toast_set_timeout (toast, 0);
  else
    {
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-export");
      adw_toast_set_action_target_value (toast, g_variant_new_take_string (g_file_get_uri (job->file)));
    }
  /* Toasts are not in the accessible tree: told, and kept in the
   * window's status. */
  measures_accessible_announce (GTK_WIDGET (self), title);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/**
 * measures_compare_view_export:
 * @self: a comparison
 * @format: "csv" (the matrix only), "png" or "svg"
 * @file: where to write
 *
 * Writes what is shown (the matrix or the map) of the measures that
 * match, in a thread, in the light style; a notification tells how it
 * went.
 */
void
measures_compare_view_export (MeasuresCompareView *self,
                              const char          *format,
                              GFile               *file)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (MEASURES_IS_COMPARE_VIEW (self));
  g_return_if_fail (format != NULL);
  g_return_if_fail (G_IS_FILE (file));

  if (self->index == NULL || self->matches == NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->index = g_object_ref (self->index);
  job->matches = measures_bitset_copy (self->matches);
  job->by = self->by;
  job->sort = self->sort;
  job->map = showing_map (self);
  job->zoom = self->zoom;
  job->format = g_strdup (job->map && g_str_equal (format, "csv") ? "png" : format);
  job->file = g_object_ref (file);

  task = g_task_new (g_object_ref (self), self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, &export_tag);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
file_chosen_cb (GtkNativeDialog     *chooser,
                int                  response,
                MeasuresCompareView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      measures_compare_view_export (self, g_object_get_data (G_OBJECT (chooser), "format"), file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MeasuresCompareView *self = MEASURES_COMPARE_VIEW (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (!g_str_equal (format, "csv") && !g_str_equal (format, "png") && !g_str_equal (format, "svg"))
    return;

  chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  if (g_str_equal (format, "csv"))
    /* Translators: a file type in the file chooser */
    gtk_file_filter_set_name (filter, _("CSV table"));
  else if (g_str_equal (format, "png"))
    gtk_file_filter_set_name (filter, _("PNG image"));
  else
    gtk_file_filter_set_name (filter, _("SVG image, with text"));
  gtk_file_filter_add_suffix (filter, format);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data_full (G_OBJECT (chooser), "format", g_strdup (format), g_free);

  /* Translators: the suggested names of the exports of the comparison,
   * without their extension */
  name = g_strdup_printf ("%s.%s", showing_map (self) ? _("measures-map") : _("measures-coverage"), format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect_object (chooser, "response", G_CALLBACK (file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Properties */

static void
set_mode (MeasuresCompareView *self,
          const char          *mode)
{
  if (g_strcmp0 (mode, "table") != 0 && g_strcmp0 (mode, "map") != 0)
    return;
  if (g_strcmp0 (self->mode, mode) == 0)
    return;

  g_free (self->mode);
  self->mode = g_strdup (mode);
  gtk_stack_set_visible_child_name (self->stack, mode);
  gtk_menu_button_set_menu_model (self->options_button, showing_map (self) ? self->map_menu : self->table_menu);
  /* Translators: the tooltip of the button with the map's options */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->options_button),
                               showing_map (self) ? _("Part of the World") : _("Columns and Order"));
  /* A map is no table. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export-csv", !showing_map (self));
  show_figures (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

static void
measures_compare_view_dispose (GObject *object)
{
  MeasuresCompareView *self = (MeasuresCompareView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->describe_source, g_source_remove);
  /* The grid borrows the coverage. */
  if (self->grid != NULL)
    measures_coverage_grid_set_coverage (self->grid, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MEASURES_TYPE_COMPARE_VIEW);
  g_clear_pointer (&self->coverage, measures_coverage_free);
  g_clear_pointer (&self->matches, measures_bitset_free);
  g_clear_pointer (&self->map_text_cache, measures_text_cache_free);
  g_clear_object (&self->index);
  g_clear_object (&self->query);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (measures_compare_view_parent_class)->dispose (object);
}

static void
measures_compare_view_finalize (GObject *object)
{
  g_free (MEASURES_COMPARE_VIEW (object)->mode);

  G_OBJECT_CLASS (measures_compare_view_parent_class)->finalize (object);
}

static void
measures_compare_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  MeasuresCompareView *self = MEASURES_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_string (value, self->mode);
      break;
    case PROP_BY:
      g_value_set_string (value, measures_coverage_by_get_name (self->by));
      break;
    case PROP_SORT:
      g_value_set_string (value, sort_names[self->sort]);
      break;
    case PROP_ZOOM:
      g_value_set_string (value, measures_map_zoom_get_name (self->zoom));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_compare_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  MeasuresCompareView *self = MEASURES_COMPARE_VIEW (object);
  const char *name = g_value_get_string (value);

  switch (prop_id)
    {
    case PROP_MODE:
      set_mode (self, name);
      break;
    case PROP_BY:
      {
        MeasuresCoverageBy by;

        if (measures_coverage_by_from_name (name, &by) && by != self->by)
          {
            self->by = by;
            recompute (self);
            g_object_notify_by_pspec (object, pspec);
          }
        break;
      }
    case PROP_SORT:
      for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
        if (g_strcmp0 (name, sort_names[i]) == 0 && i != self->sort)
          {
            self->sort = i;
            recompute (self);
            g_object_notify_by_pspec (object, pspec);
          }
      break;
    case PROP_ZOOM:
      {
        MeasuresMapZoom zoom;

        if (measures_map_zoom_from_name (name, &zoom) && zoom != self->zoom)
          {
            self->zoom = zoom;
            show_figures (self);
            g_object_notify_by_pspec (object, pspec);
          }
        break;
      }
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_compare_view_class_init (MeasuresCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_compare_view_dispose;
  object_class->finalize = measures_compare_view_finalize;
  object_class->get_property = measures_compare_view_get_property;
  object_class->set_property = measures_compare_view_set_property;

  /**
   * MeasuresCompareView:mode:
   *
   * What compares the countries: "table", the coverage matrix, or "map".
   */
  properties[PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL, "table",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MeasuresCompareView:by:
   *
   * The matrix's columns: "category" or "form".
   */
  properties[PROP_BY] =
    g_param_spec_string ("by", NULL, NULL, "category",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MeasuresCompareView:sort:
   *
   * The order of the countries of a region: "name" or "count".
   */
  properties[PROP_SORT] =
    g_param_spec_string ("sort", NULL, NULL, "name",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MeasuresCompareView:zoom:
   *
   * The part of the world the map shows: "world" or "europe".
   */
  properties[PROP_ZOOM] =
    g_param_spec_string ("zoom", NULL, NULL, "world",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_property_action (widget_class, "compare.mode", "mode");
  gtk_widget_class_install_property_action (widget_class, "compare.by", "by");
  gtk_widget_class_install_property_action (widget_class, "compare.sort", "sort");
  gtk_widget_class_install_property_action (widget_class, "compare.zoom", "zoom");
  gtk_widget_class_install_action (widget_class, "compare.export-csv", "s", export_action);
  gtk_widget_class_install_action (widget_class, "compare.export-image", "s", export_action);

  g_type_ensure (MEASURES_TYPE_COVERAGE_GRID);
  g_type_ensure (MEASURES_TYPE_MAP_AREA);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/measures-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresCompareView, box);
  gtk_widget_class_bind_template_child (widget_class, MeasuresCompareView, stack);
  gtk_widget_class_bind_template_child (widget_class, MeasuresCompareView, options_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresCompareView, table_menu);
  gtk_widget_class_bind_template_child (widget_class, MeasuresCompareView, map_menu);
  gtk_widget_class_bind_template_child (widget_class, MeasuresCompareView, grid);
  gtk_widget_class_bind_template_child (widget_class, MeasuresCompareView, map_area);
  gtk_widget_class_bind_template_child (widget_class, MeasuresCompareView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresCompareView, map_expander);
  gtk_widget_class_bind_template_child (widget_class, MeasuresCompareView, map_table);
  gtk_widget_class_bind_template_callback (widget_class, cell_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, expanded_cb);
  gtk_widget_class_bind_template_callback (widget_class, map_row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "compare");
}

static void
dark_changed_cb (MeasuresCompareView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->map_area));
}

static void
measures_compare_view_init (MeasuresCompareView *self)
{
  GtkEventController *motion;
  GtkGesture *click;

  self->mode = g_strdup ("table");
  self->cancellable = g_cancellable_new ();
  self->map_text_cache = measures_text_cache_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->map_area->view = self;
  g_signal_connect (self->map_area, "query-tooltip", G_CALLBACK (map_tooltip_cb), self);
  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (map_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map_area), motion);
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (map_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map_area), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * measures_compare_view_set_query:
 * @self: a comparison
 * @query: the query that clicking a cell or a country changes
 */
void
measures_compare_view_set_query (MeasuresCompareView *self,
                                 MeasuresQuery       *query)
{
  g_return_if_fail (MEASURES_IS_COMPARE_VIEW (self));
  g_return_if_fail (MEASURES_IS_QUERY (query));

  g_set_object (&self->query, query);
}

/**
 * measures_compare_view_invalidate:
 * @self: a comparison
 *
 * Makes the next measures_compare_view_update() compute the figures
 * even for the same measures, after their labels changed.
 */
void
measures_compare_view_invalidate (MeasuresCompareView *self)
{
  g_return_if_fail (MEASURES_IS_COMPARE_VIEW (self));

  g_clear_pointer (&self->matches, measures_bitset_free);
}

/**
 * measures_compare_view_update:
 * @self: a comparison
 * @index: the index of all measures
 * @matches: (nullable): the measures that match
 *
 * Computes the coverage again from the same index and bitsets as the
 * sidebar's counts, and shows it. The same measures as the last time
 * change nothing.
 */
void
measures_compare_view_update (MeasuresCompareView  *self,
                              MeasuresIndex        *index,
                              const MeasuresBitset *matches)
{
  g_return_if_fail (MEASURES_IS_COMPARE_VIEW (self));
  g_return_if_fail (MEASURES_IS_INDEX (index));

  if (index == self->index && matches != NULL && self->matches != NULL &&
      measures_bitset_equal (matches, self->matches))
    return;

  g_clear_pointer (&self->matches, measures_bitset_free);
  if (matches != NULL)
    self->matches = measures_bitset_copy (matches);

  if (index != self->index)
    {
      /* The coverage borrows the index's labels: it goes first. */
      measures_coverage_grid_set_coverage (self->grid, NULL);
      g_clear_pointer (&self->coverage, measures_coverage_free);
      g_set_object (&self->index, index);
    }

  if (self->matches != NULL)
    recompute (self);
  else
    {
      measures_coverage_grid_set_coverage (self->grid, NULL);
      g_clear_pointer (&self->coverage, measures_coverage_free);
      show_figures (self);
    }
}

/**
 * measures_compare_view_get_coverage:
 *
 * Returns: (transfer none) (nullable): the figures shown
 */
MeasuresCoverage *
measures_compare_view_get_coverage (MeasuresCompareView *self)
{
  g_return_val_if_fail (MEASURES_IS_COMPARE_VIEW (self), NULL);

  return self->coverage;
}

/**
 * measures_compare_view_get_grid:
 *
 * Returns: (transfer none): the table of the matrix
 */
MeasuresCoverageGrid *
measures_compare_view_get_grid (MeasuresCompareView *self)
{
  g_return_val_if_fail (MEASURES_IS_COMPARE_VIEW (self), NULL);

  return self->grid;
}

/**
 * measures_compare_view_get_map:
 *
 * Returns: (transfer none): the drawing area of the map
 */
GtkWidget *
measures_compare_view_get_map (MeasuresCompareView *self)
{
  g_return_val_if_fail (MEASURES_IS_COMPARE_VIEW (self), NULL);

  return GTK_WIDGET (self->map_area);
}

/**
 * measures_compare_view_activate_map_at:
 * @self: a comparison
 * @x: a point of the map's drawing area
 * @y: a point
 *
 * Does what a click there does: a country of the data filters by it.
 *
 * Returns: whether there was such a country
 */
gboolean
measures_compare_view_activate_map_at (MeasuresCompareView *self,
                                       double               x,
                                       double               y)
{
  MeasuresMapHit hit;

  g_return_val_if_fail (MEASURES_IS_COMPARE_VIEW (self), FALSE);

  if (self->coverage == NULL ||
      !measures_map_hit (self->coverage, self->zoom, gtk_widget_get_width (GTK_WIDGET (self->map_area)),
                         x, y, &hit) ||
      hit.row < 0)
    return FALSE;

  filter_by_country (self, hit.row);

  return TRUE;
}
