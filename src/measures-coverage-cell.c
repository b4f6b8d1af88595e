/* measures-coverage-cell.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-coverage-grid"

#include "config.h"

#include <math.h>

#include "measures-coverage-grid-private.h"

/* The cells of the coverage grid and the areas that hold them (see
 * measures-coverage-grid.c). A cell is a focusable widget of a fixed
 * size that draws its own shade and text; an area places its cells by
 * the grid's geometry and draws only those in view, so that thousands
 * of them cost what the few on screen cost. */

G_DEFINE_FINAL_TYPE (MeasuresCoverageCell, measures_coverage_cell, GTK_TYPE_WIDGET)

enum {
  CELL_ACTIVATE,
  N_CELL_SIGNALS
};

static guint cell_signals[N_CELL_SIGNALS];

G_DEFINE_FINAL_TYPE (MeasuresCoverageArea, measures_coverage_area, GTK_TYPE_WIDGET)

/* Geometry, the same for the three areas */

/**
 * _measures_coverage_cell_get_area:
 *
 * Where @cell is in its area.
 */
void
_measures_coverage_cell_get_area (MeasuresCoverageCell *cell,
                                  GdkRectangle         *area)
{
  MeasuresCoverageGrid *self = cell->grid;

  switch (cell->kind)
    {
    case KIND_CELL:
    case KIND_TOTAL:
      *area = (GdkRectangle) { cell->column * GRID_CELL_WIDTH, g_array_index (self->row_top, int, cell->row),
                               GRID_CELL_WIDTH, GRID_ROW_HEIGHT };
      break;
    case KIND_ROW_HEAD:
      *area = (GdkRectangle) { 0, g_array_index (self->row_top, int, cell->row), GRID_NAMES_WIDTH, GRID_ROW_HEIGHT };
      break;
    case KIND_COLUMN_HEAD:
      *area = (GdkRectangle) { cell->column * GRID_CELL_WIDTH, 0, GRID_CELL_WIDTH, GRID_HEAD_HEIGHT };
      break;
    case KIND_GROUP:
    default:
      *area = (GdkRectangle) { 0, g_array_index (self->group_top, int, cell->row), GRID_NAMES_WIDTH, GRID_GROUP_HEIGHT };
      break;
    }
}

/* Cells */

static void
measures_coverage_cell_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  MeasuresCoverageCell *cell = MEASURES_COVERAGE_CELL (widget);
  GdkRectangle area;

  _measures_coverage_cell_get_area (cell, &area);
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? area.width : area.height;
}

static void
ensure_layout (MeasuresCoverageCell *cell)
{
  PangoAttrList *attributes;

  if (cell->layout != NULL)
    return;

  cell->layout = gtk_widget_create_pango_layout (GTK_WIDGET (cell), cell->text);
  attributes = pango_attr_list_new ();
  if (cell->kind == KIND_CELL || cell->kind == KIND_TOTAL)
    pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum"));
  if (cell->kind == KIND_TOTAL || cell->kind == KIND_GROUP)
    pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (cell->layout, attributes);
  pango_attr_list_unref (attributes);
  pango_layout_set_ellipsize (cell->layout, PANGO_ELLIPSIZE_END);
  if (cell->kind == KIND_ROW_HEAD || cell->kind == KIND_GROUP)
    pango_layout_set_width (cell->layout, (GRID_NAMES_WIDTH - 16) * PANGO_SCALE);
  else if (cell->kind == KIND_COLUMN_HEAD)
    pango_layout_set_width (cell->layout, GRID_HEADING_LENGTH * PANGO_SCALE);
  else
    pango_layout_set_width (cell->layout, (GRID_CELL_WIDTH - 4) * PANGO_SCALE);
}

static GdkRGBA
rgba (const MeasuresColor *color)
{
  return (GdkRGBA) { color->red, color->green, color->blue, color->alpha };
}

static void
measures_coverage_cell_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  MeasuresCoverageCell *cell = MEASURES_COVERAGE_CELL (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GdkRGBA ink = rgba (&cell->ink);
  int text_width, text_height;

  if (cell->text == NULL)
    return;

  ensure_layout (cell);
  pango_layout_get_pixel_size (cell->layout, &text_width, &text_height);

  switch (cell->kind)
    {
    case KIND_CELL:
      {
        graphene_rect_t patch = GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2);

        gtk_snapshot_append_color (snapshot, &(GdkRGBA) { cell->fill.color.red, cell->fill.color.green,
                                                          cell->fill.color.blue, cell->fill.color.alpha }, &patch);
        if (cell->fill.hatch != MEASURES_HATCH_NONE && cell->grid->hatch != NULL)
          {
            graphene_rect_t tile = GRAPHENE_RECT_INIT (1, 1, 8, 8);

            gtk_snapshot_push_repeat (snapshot, &patch, &tile);
            gtk_snapshot_append_texture (snapshot, cell->grid->hatch, &tile);
            gtk_snapshot_pop (snapshot);
          }
        gtk_snapshot_save (snapshot);
        gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - text_width) / 2.0,
                                                                (height - text_height) / 2.0));
        gtk_snapshot_append_layout (snapshot, cell->layout, &ink);
        gtk_snapshot_restore (snapshot);
        break;
      }
    case KIND_TOTAL:
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width - text_width - 6, (height - text_height) / 2.0));
      gtk_snapshot_append_layout (snapshot, cell->layout, &ink);
      gtk_snapshot_restore (snapshot);
      break;
    case KIND_COLUMN_HEAD:
      /* Read upwards to the right, from the foot of the column. */
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width / 2.0 - 6, height - 10));
      gtk_snapshot_rotate (snapshot, -45);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, -text_height));
      gtk_snapshot_append_layout (snapshot, cell->layout, &ink);
      gtk_snapshot_restore (snapshot);
      break;
    case KIND_ROW_HEAD:
    case KIND_GROUP:
    default:
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cell->kind == KIND_GROUP ? 4 : 12,
                                                              (height - text_height) / 2.0));
      gtk_snapshot_append_layout (snapshot, cell->layout, &ink);
      gtk_snapshot_restore (snapshot);
      break;
    }
}

static void
cell_activate_cb (MeasuresCoverageCell *cell)
{
  _measures_coverage_grid_activate (cell->grid, cell->row, cell->column);
}

static void
measures_coverage_cell_dispose (GObject *object)
{
  MeasuresCoverageCell *cell = MEASURES_COVERAGE_CELL (object);

  g_clear_object (&cell->layout);
  g_clear_pointer (&cell->text, g_free);

  G_OBJECT_CLASS (measures_coverage_cell_parent_class)->dispose (object);
}

static void
measures_coverage_cell_class_init (MeasuresCoverageCellClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = measures_coverage_cell_dispose;
  widget_class->measure = measures_coverage_cell_measure;
  widget_class->snapshot = measures_coverage_cell_snapshot;

  cell_signals[CELL_ACTIVATE] =
    g_signal_new_class_handler ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                                G_CALLBACK (cell_activate_cb), NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, cell_signals[CELL_ACTIVATE]);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_space, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Space, 0, "activate", NULL);
  gtk_widget_class_set_css_name (widget_class, "cell");
}

static void
measures_coverage_cell_init (MeasuresCoverageCell *cell)
{
}

MeasuresCoverageCell *
_measures_coverage_cell_new (MeasuresCoverageGrid *grid,
                             CellKind              kind,
                             int                   row,
                             int                   column)
{
  static const GtkAccessibleRole roles[] = {
    [KIND_CELL] = GTK_ACCESSIBLE_ROLE_GRID_CELL,
    [KIND_TOTAL] = GTK_ACCESSIBLE_ROLE_GRID_CELL,
    [KIND_ROW_HEAD] = GTK_ACCESSIBLE_ROLE_ROW_HEADER,
    [KIND_COLUMN_HEAD] = GTK_ACCESSIBLE_ROLE_COLUMN_HEADER,
    [KIND_GROUP] = GTK_ACCESSIBLE_ROLE_ROW_HEADER,
  };
  MeasuresCoverageCell *cell = g_object_new (MEASURES_TYPE_COVERAGE_CELL,
                                             "accessible-role", roles[kind],
                                             "focusable", kind != KIND_GROUP,
                                             NULL);

  cell->grid = grid;
  cell->kind = kind;
  cell->row = row;
  cell->column = column;
  cell->label_dirty = TRUE;
  if (kind == KIND_GROUP)
    gtk_widget_add_css_class (GTK_WIDGET (cell), "group");
  if (kind != KIND_GROUP)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (cell),
                                    GTK_ACCESSIBLE_RELATION_ROW_INDEX, row + 2,
                                    GTK_ACCESSIBLE_RELATION_COL_INDEX, column + 2,
                                    -1);

  return cell;
}

static gboolean
same_color (const MeasuresColor *a,
            const MeasuresColor *b)
{
  return a->red == b->red && a->green == b->green && a->blue == b->blue && a->alpha == b->alpha;
}

/* Gives @cell its figures; draws it again only if they changed. */
void
_measures_coverage_cell_set (MeasuresCoverageCell *cell,
                             const char           *text,
                             const MeasuresFill   *fill,
                             const MeasuresColor  *ink,
                             guint64               label_key)
{
  if (label_key != cell->label_key)
    {
      cell->label_key = label_key;
      cell->label_dirty = TRUE;
    }

  if (g_strcmp0 (cell->text, text) == 0 && same_color (&cell->ink, ink) &&
      (fill == NULL || (same_color (&cell->fill.color, &fill->color) && cell->fill.hatch == fill->hatch)))
    return;

  g_free (cell->text);
  cell->text = g_strdup (text);
  if (cell->layout != NULL)
    pango_layout_set_text (cell->layout, text, -1);
  if (fill != NULL)
    cell->fill = *fill;
  cell->ink = *ink;
  gtk_widget_queue_draw (GTK_WIDGET (cell));
}

/* Areas */

static void
area_extent (MeasuresCoverageArea *area,
             int                  *width,
             int                  *height)
{
  MeasuresCoverageGrid *self = area->grid;
  int body_width = self->n_columns * GRID_CELL_WIDTH + GRID_OVERFLOW;

  switch (area->kind)
    {
    case AREA_BODY:
      *width = body_width;
      *height = self->height;
      break;
    case AREA_NAMES:
      *width = GRID_NAMES_WIDTH;
      *height = self->height;
      break;
    case AREA_HEADS:
    default:
      *width = body_width;
      *height = GRID_HEAD_HEIGHT;
      break;
    }
}

static void
measures_coverage_area_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  int width, height;

  area_extent (MEASURES_COVERAGE_AREA (widget), &width, &height);
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? width : height;
}

static void
measures_coverage_area_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GdkRectangle box;
      int ignored;

      _measures_coverage_cell_get_area (MEASURES_COVERAGE_CELL (child), &box);
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &ignored, NULL, NULL, NULL);
      gtk_widget_size_allocate (child, &box, -1);
    }
}

/* The part of @area in view, in its own coordinates. */
static void
area_visible (MeasuresCoverageArea *area,
              double               *x,
              double               *y,
              double               *width,
              double               *height)
{
  *x = area->hadjustment != NULL ? gtk_adjustment_get_value (area->hadjustment) : 0;
  *y = area->vadjustment != NULL ? gtk_adjustment_get_value (area->vadjustment) : 0;
  *width = area->hadjustment != NULL ? gtk_adjustment_get_page_size (area->hadjustment)
                                     : gtk_widget_get_width (GTK_WIDGET (area));
  *height = area->vadjustment != NULL ? gtk_adjustment_get_page_size (area->vadjustment)
                                      : gtk_widget_get_height (GTK_WIDGET (area));
  if (*width <= 0)
    *width = gtk_widget_get_width (GTK_WIDGET (area));
  if (*height <= 0)
    *height = gtk_widget_get_height (GTK_WIDGET (area));
}

/* Draws the children in view only: the rest are not even visited. */
static void
measures_coverage_area_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  MeasuresCoverageArea *area = MEASURES_COVERAGE_AREA (widget);
  MeasuresCoverageGrid *self = area->grid;
  double x, y, width, height, left;
  guint first_row, last_row, first_column, last_column;

  area_visible (area, &x, &y, &width, &height);
  first_row = _measures_coverage_grid_row_at_or_after (self, y);
  last_row = MIN (_measures_coverage_grid_row_at_or_after (self, y + height) + 1, self->n_rows);
  /* Headings reach to the right of their column: those just left of
   * the view show too. */
  left = area->kind == AREA_HEADS ? x - GRID_OVERFLOW - GRID_CELL_WIDTH : x;
  first_column = (guint) MAX (0, floor (left / GRID_CELL_WIDTH));
  last_column = MIN ((guint) ceil ((x + width) / GRID_CELL_WIDTH) + 1, self->n_columns);

  switch (area->kind)
    {
    case AREA_BODY:
      for (guint r = first_row; r < last_row; r++)
        for (guint c = first_column; c < last_column; c++)
          gtk_widget_snapshot_child (widget, g_ptr_array_index (self->cells, r * self->n_columns + c), snapshot);
      break;
    case AREA_NAMES:
      for (guint g = 0; g < self->groups->len; g++)
        {
          int top = g_array_index (self->group_top, int, g);

          if (top + GRID_GROUP_HEIGHT >= y && top <= y + height)
            gtk_widget_snapshot_child (widget, g_ptr_array_index (self->groups, g), snapshot);
        }
      for (guint r = first_row; r < last_row; r++)
        gtk_widget_snapshot_child (widget, g_ptr_array_index (self->row_heads, r), snapshot);
      break;
    case AREA_HEADS:
    default:
      for (guint c = first_column; c < last_column; c++)
        gtk_widget_snapshot_child (widget, g_ptr_array_index (self->column_heads, c), snapshot);
      break;
    }
}

/* What is at (@x, @y) of @area: a cell, a row's or a column's heading. */
MeasuresCoverageCell *
_measures_coverage_area_pick (MeasuresCoverageArea *area,
                              double                x,
                              double                y)
{
  MeasuresCoverageGrid *self = area->grid;
  int row = area->kind == AREA_HEADS ? -1 : _measures_coverage_grid_row_at (self, y);
  int column = area->kind == AREA_NAMES ? -1 : (int) floor (x / GRID_CELL_WIDTH);

  if (area->kind != AREA_HEADS && row < 0)
    return NULL;

  return (MeasuresCoverageCell *) measures_coverage_grid_get_cell (self, row, column);
}

static void
measures_coverage_area_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (measures_coverage_area_parent_class)->dispose (object);
}

static void
measures_coverage_area_class_init (MeasuresCoverageAreaClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = measures_coverage_area_dispose;
  widget_class->measure = measures_coverage_area_measure;
  widget_class->size_allocate = measures_coverage_area_size_allocate;
  widget_class->snapshot = measures_coverage_area_snapshot;
  gtk_widget_class_set_css_name (widget_class, "coveragearea");
}

static void
measures_coverage_area_init (MeasuresCoverageArea *area)
{
}
