/* measures-coverage-grid.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-coverage-grid"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "measures-coverage-grid.h"
#include "measures-coverage-grid-private.h"
#include "measures-palette.h"
#include "measures-text.h"

/* The coverage matrix as a table that the keyboard and screen readers
 * can use: every cell, row heading and column heading is a small
 * focusable widget with an accessible name ("Romania, Trafficking, 3"),
 * drawn in the shades of the matrix's image (measures-coverage-chart.c).
 *
 *   ┌────────┬──────────────────────────┐
 *   │ corner │ heads: a column heading  │  ← shares the body's horizontal
 *   ├────────┼──────────────────────────┤    adjustment
 *   │ names: │ body: a cell per country │
 *   │ a row  │ and column, then the     │
 *   │ heading│ country's matching ones  │
 *   └────────┴──────────────────────────┘
 *     ↑ shares the body's vertical adjustment
 *
 * 200 countries by 30 columns are over 6,000 widgets. They are made when
 * the matrix changes shape (a load, or the other columns), never for a
 * new query: then each only takes its new figures and is drawn again if
 * they changed. Each area draws only the children in view, and is drawn
 * again as it scrolls; cells have a fixed size, so nothing is measured.
 * Accessible names follow a moment later, 200 at a time, and
 * at once for the cell the focus moves to.
 *
 * The arrow keys move cell by cell (from a cell to its row's heading and
 * its column's heading too), Home and End to the first and last cell of
 * a row, Page Up and Page Down by a screenful; Tab leaves the table and
 * comes back to the cell it left. Enter, Space or a click activates. */

#define LABELS_PER_IDLE 200

G_DEFINE_FINAL_TYPE (MeasuresCoverageGrid, measures_coverage_grid, GTK_TYPE_WIDGET)

enum {
  CELL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* Geometry */

/* The first row whose bottom is below @y. */
guint
_measures_coverage_grid_row_at_or_after (MeasuresCoverageGrid *self,
                                         double                y)
{
  guint low = 0, high = self->n_rows;

  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (g_array_index (self->row_top, int, middle) + GRID_ROW_HEIGHT <= y)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/* The row at @y, or -1 between rows (a group's heading). */
int
_measures_coverage_grid_row_at (MeasuresCoverageGrid *self,
                                double                y)
{
  guint row = _measures_coverage_grid_row_at_or_after (self, y);

  if (row < self->n_rows && y >= g_array_index (self->row_top, int, row))
    return row;

  return -1;
}

GtkWidget *
measures_coverage_grid_get_cell (MeasuresCoverageGrid *self,
                                 int                   row,
                                 int                   column)
{
  g_return_val_if_fail (MEASURES_IS_COVERAGE_GRID (self), NULL);

  if (row < -1 || column < -1 || row >= (int) self->n_rows || column >= (int) self->n_columns ||
      (row == -1 && column == -1))
    return NULL;
  if (row == -1)
    return g_ptr_array_index (self->column_heads, column);
  if (column == -1)
    return g_ptr_array_index (self->row_heads, row);

  return g_ptr_array_index (self->cells, (guint) row * self->n_columns + column);
}

/* The cell as a screen reader reads it. */
static char *
cell_describe (MeasuresCoverageGrid *self,
               MeasuresCoverageCell *cell)
{
  MeasuresCoverage *coverage = self->coverage;
  int data_columns = (int) self->n_columns - 1;

  switch (cell->kind)
    {
    case KIND_CELL:
      return measures_coverage_describe_cell (coverage, cell->row, cell->column, NULL);
    case KIND_TOTAL:
    case KIND_ROW_HEAD:
      return measures_coverage_describe_row (coverage, cell->row, NULL);
    case KIND_COLUMN_HEAD:
      {
        guint matches = cell->column < data_columns
                        ? g_array_index (coverage->columns, MeasuresCoverageColumn, cell->column).matches
                        : coverage->n_matches;
        /* The same plural message as the window's subtitle. */
        g_autofree char *number = measures_text_format_count (matches);
        g_autofree char *figures = g_strdup_printf (ngettext ("%s measure", "%s measures", matches), number);

        return g_strdup_printf ("%s: %s", cell->text, figures);
      }
    case KIND_GROUP:
    default:
      return g_strdup (cell->text);
    }
}

/**
 * _measures_coverage_grid_activate:
 *
 * Tells that the cell at (@row, @column) was activated.
 */
void
_measures_coverage_grid_activate (MeasuresCoverageGrid *self,
                                  int                   row,
                                  int                   column)
{
  g_signal_emit (self, signals[CELL_ACTIVATED], 0, row, column);
}

/* Accessible names, a few hundred at a time */

static void
update_label (MeasuresCoverageGrid *self,
              MeasuresCoverageCell *cell)
{
  g_autofree char *label = NULL;

  if (!cell->label_dirty || self->coverage == NULL || cell->text == NULL)
    return;

  label = cell_describe (self, cell);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  cell->label_dirty = FALSE;
}

/* Updates up to @budget names of @cells; FALSE once all are done. */
static gboolean
update_labels_of (MeasuresCoverageGrid *self,
                  GPtrArray            *cells,
                  guint                *budget)
{
  for (guint i = 0; i < cells->len && *budget > 0; i++)
    {
      MeasuresCoverageCell *cell = g_ptr_array_index (cells, i);

      if (cell->label_dirty)
        {
          update_label (self, cell);
          (*budget)--;
        }
    }

  return *budget == 0;
}

static gboolean
update_labels_cb (gpointer data)
{
  MeasuresCoverageGrid *self = data;
  GPtrArray *lists[] = { self->column_heads, self->row_heads, self->groups, self->cells };
  guint budget = LABELS_PER_IDLE;

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (update_labels_of (self, lists[i], &budget))
      return G_SOURCE_CONTINUE;

  self->labels_source = 0;

  return G_SOURCE_REMOVE;
}

/**
 * measures_coverage_grid_flush_labels:
 * @self: a grid
 *
 * Gives every cell its accessible name now, rather than over the next
 * idle moments.
 */
void
measures_coverage_grid_flush_labels (MeasuresCoverageGrid *self)
{
  g_return_if_fail (MEASURES_IS_COVERAGE_GRID (self));

  if (self->labels_source == 0)
    return;

  /* The idle is done with first: the callback, called here, ends by
   * forgetting it. */
  g_source_remove (self->labels_source);
  while (update_labels_cb (self) == G_SOURCE_CONTINUE)
    ;
}

/* Focus and keys */

static void
move_focus (MeasuresCoverageGrid *self,
            MeasuresCoverageCell *cell)
{
  if (cell == NULL)
    return;

  update_label (self, cell);
  self->focus_row = cell->row;
  self->focus_column = cell->column;
  gtk_widget_grab_focus (GTK_WIDGET (cell));
}

static MeasuresCoverageCell *
focused_cell (MeasuresCoverageGrid *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !MEASURES_IS_COVERAGE_CELL (focus) || MEASURES_COVERAGE_CELL (focus)->grid != self)
    return NULL;

  return MEASURES_COVERAGE_CELL (focus);
}

/* The cell @rows down and @columns right of (@row, @column), kept in the
 * table and off the corner. */
static MeasuresCoverageCell *
neighbour (MeasuresCoverageGrid *self,
           int                   row,
           int                   column,
           int                   rows,
           int                   columns)
{
  int to_row = CLAMP (row + rows, -1, (int) self->n_rows - 1);
  int to_column = CLAMP (column + columns, -1, (int) self->n_columns - 1);

  if (to_row == -1 && to_column == -1)
    return NULL;

  return (MeasuresCoverageCell *) measures_coverage_grid_get_cell (self, to_row, to_column);
}

static gboolean
measures_coverage_grid_focus (GtkWidget        *widget,
                              GtkDirectionType  direction)
{
  MeasuresCoverageGrid *self = MEASURES_COVERAGE_GRID (widget);
  MeasuresCoverageCell *cell = focused_cell (self);
  MeasuresCoverageCell *target = NULL;

  if (cell == NULL)
    {
      /* Coming in: back to where the focus was. */
      target = (MeasuresCoverageCell *) measures_coverage_grid_get_cell (self, self->focus_row, self->focus_column);
      if (target == NULL)
        target = (MeasuresCoverageCell *) measures_coverage_grid_get_cell (self, 0, 0);
      if (target == NULL)
        return FALSE;
      move_focus (self, target);
      return TRUE;
    }

  switch (direction)
    {
    case GTK_DIR_UP:
      target = neighbour (self, cell->row, cell->column, -1, 0);
      break;
    case GTK_DIR_DOWN:
      target = neighbour (self, cell->row, cell->column, 1, 0);
      break;
    case GTK_DIR_LEFT:
      target = neighbour (self, cell->row, cell->column, 0, -1);
      break;
    case GTK_DIR_RIGHT:
      target = neighbour (self, cell->row, cell->column, 0, 1);
      break;
    case GTK_DIR_TAB_FORWARD:
    case GTK_DIR_TAB_BACKWARD:
    default:
      /* Tab leaves the table. */
      return FALSE;
    }

  /* At an edge, the focus stays. */
  if (target != NULL)
    move_focus (self, target);

  return TRUE;
}

static gboolean
key_pressed_cb (MeasuresCoverageGrid  *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  MeasuresCoverageCell *cell = focused_cell (self);
  int page = MAX (1, (int) (gtk_widget_get_height (GTK_WIDGET (self->body_scroller)) / GRID_ROW_HEIGHT) - 1);
  gboolean control = (state & GDK_CONTROL_MASK) != 0;

  if (cell == NULL)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      move_focus (self, neighbour (self, control ? 0 : cell->row, cell->column, 0, -(int) self->n_columns));
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      move_focus (self, neighbour (self, control ? (int) self->n_rows - 1 : cell->row, cell->column, 0,
                                   (int) self->n_columns));
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      move_focus (self, neighbour (self, MAX (cell->row, 0), cell->column, -page, 0));
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      move_focus (self, neighbour (self, cell->row, cell->column, page, 0));
      return TRUE;
    default:
      return FALSE;
    }
}

/* Pointing and clicking */

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  MeasuresCoverageArea *area = MEASURES_COVERAGE_AREA (widget);
  MeasuresCoverageGrid *self = area->grid;
  MeasuresCoverageCell *cell;
  g_autofree char *text = NULL;
  GdkRectangle box;

  if (self->coverage == NULL)
    return FALSE;

  if (keyboard)
    cell = focused_cell (self);
  else
    cell = _measures_coverage_area_pick (area, x, y);
  if (cell == NULL || gtk_widget_get_parent (GTK_WIDGET (cell)) != widget)
    return FALSE;

  if (cell->kind == KIND_CELL)
    text = measures_coverage_describe_figures (self->coverage, cell->row, cell->column, NULL);
  else
    text = cell_describe (self, cell);

  _measures_coverage_cell_get_area (cell, &box);
  gtk_tooltip_set_text (tooltip, text);
  /* A new tooltip for the next cell, not the same one moved. */
  gtk_tooltip_set_tip_area (tooltip, &box);

  return TRUE;
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             gpointer         user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  MeasuresCoverageArea *area = MEASURES_COVERAGE_AREA (widget);
  MeasuresCoverageCell *cell = _measures_coverage_area_pick (area, x, y);

  if (cell == NULL || cell->kind == KIND_GROUP)
    return;

  move_focus (area->grid, cell);
  _measures_coverage_grid_activate (area->grid, cell->row, cell->column);
}

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           gpointer                  user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (motion));
  MeasuresCoverageCell *cell = _measures_coverage_area_pick (MEASURES_COVERAGE_AREA (widget), x, y);

  gtk_widget_set_cursor_from_name (widget, cell != NULL && cell->kind != KIND_GROUP ? "pointer" : NULL);
}

static void
adjustment_changed_cb (GtkAdjustment        *adjustment,
                       MeasuresCoverageArea *area)
{
  gtk_widget_queue_draw (GTK_WIDGET (area));
}

static void
setup_area (MeasuresCoverageGrid *self,
            MeasuresCoverageArea *area,
            AreaKind              kind,
            GtkScrolledWindow    *scroller)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  area->grid = self;
  area->kind = kind;
  area->hadjustment = gtk_scrolled_window_get_hadjustment (scroller);
  area->vadjustment = gtk_scrolled_window_get_vadjustment (scroller);
  g_signal_connect_object (area->hadjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), area, 0);
  g_signal_connect_object (area->vadjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), area, 0);
  g_signal_connect_object (area->hadjustment, "changed", G_CALLBACK (adjustment_changed_cb), area, 0);
  g_signal_connect_object (area->vadjustment, "changed", G_CALLBACK (adjustment_changed_cb), area, 0);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (area), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (area), motion);
  gtk_widget_set_has_tooltip (GTK_WIDGET (area), TRUE);
  g_signal_connect (area, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

/* Shape and figures */

static void
resize (MeasuresCoverageGrid *self,
        GPtrArray            *cells,
        guint                 n,
        MeasuresCoverageArea *area,
        CellKind              kind)
{
  while (cells->len > n)
    {
      gtk_widget_unparent (g_ptr_array_index (cells, cells->len - 1));
      g_ptr_array_set_size (cells, cells->len - 1);
    }

  while (cells->len < n)
    {
      guint i = cells->len;
      MeasuresCoverageCell *cell;

      switch (kind)
        {
        case KIND_CELL:
          cell = _measures_coverage_cell_new (self, i % self->n_columns == self->n_columns - 1 ? KIND_TOTAL : KIND_CELL,
                                              i / self->n_columns, i % self->n_columns);
          break;
        case KIND_ROW_HEAD:
          cell = _measures_coverage_cell_new (self, kind, i, -1);
          break;
        case KIND_COLUMN_HEAD:
          cell = _measures_coverage_cell_new (self, kind, -1, i);
          break;
        case KIND_GROUP:
        case KIND_TOTAL:
        default:
          cell = _measures_coverage_cell_new (self, KIND_GROUP, i, -1);
          break;
        }
      gtk_widget_set_parent (GTK_WIDGET (cell), GTK_WIDGET (area));
      g_ptr_array_add (cells, cell);
    }
}

/* Lays the rows out under their groups; makes and drops cells when the
 * matrix has another shape. */
static void
reshape (MeasuresCoverageGrid *self,
         MeasuresCoverage     *coverage)
{
  guint n_rows = coverage != NULL ? coverage->rows->len : 0;
  guint n_columns = coverage != NULL ? coverage->columns->len + 1 : 0;
  guint n_groups = coverage != NULL ? coverage->groups->len : 0;
  int y = 0;

  if (n_columns != self->n_columns)
    {
      /* The cells' positions change with the columns: all new. */
      resize (self, self->cells, 0, self->body, KIND_CELL);
      resize (self, self->column_heads, 0, self->heads, KIND_COLUMN_HEAD);
    }

  self->n_rows = n_rows;
  self->n_columns = n_columns;
  g_array_set_size (self->row_top, n_rows);
  g_array_set_size (self->group_top, n_groups);
  for (guint g = 0; g < n_groups; g++)
    {
      const MeasuresCoverageGroup *group = &g_array_index (coverage->groups, MeasuresCoverageGroup, g);

      g_array_index (self->group_top, int, g) = y;
      y += GRID_GROUP_HEIGHT;
      for (guint r = group->first; r < group->first + group->n_rows; r++, y += GRID_ROW_HEIGHT)
        g_array_index (self->row_top, int, r) = y;
    }
  self->height = y;

  resize (self, self->cells, n_rows * n_columns, self->body, KIND_CELL);
  resize (self, self->row_heads, n_rows, self->names, KIND_ROW_HEAD);
  resize (self, self->column_heads, n_columns, self->heads, KIND_COLUMN_HEAD);
  resize (self, self->groups, n_groups, self->names, KIND_GROUP);

  gtk_widget_queue_resize (GTK_WIDGET (self->body));
  gtk_widget_queue_resize (GTK_WIDGET (self->names));
  gtk_widget_queue_resize (GTK_WIDGET (self->heads));
}

/* The hatch of "none", as a tile the cells repeat. */
static void
ensure_hatch (MeasuresCoverageGrid     *self,
              const MeasuresChartStyle *style)
{
  MeasuresFill fill;
  MeasuresColor ink;
  cairo_surface_t *surface;
  g_autoptr(GBytes) bytes = NULL;
  cairo_t *cr;

  if (self->hatch != NULL && self->hatch_dark == style->dark)
    return;

  measures_palette_get_shade (MEASURES_SHADE_NONE, 0, style, &fill, &ink);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
  cr = cairo_create (surface);
  cairo_set_source_rgba (cr, fill.hatch_color.red, fill.hatch_color.green, fill.hatch_color.blue,
                         fill.hatch_color.alpha);
  cairo_set_line_width (cr, 1.5);
  /* The canvas's diagonal hatch: lines x + y = 8k. */
  cairo_move_to (cr, -2, 2);
  cairo_line_to (cr, 2, -2);
  cairo_move_to (cr, 0, 8);
  cairo_line_to (cr, 8, 0);
  cairo_move_to (cr, 6, 10);
  cairo_line_to (cr, 10, 6);
  cairo_stroke (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface), cairo_image_surface_get_stride (surface) * 8);
  g_clear_object (&self->hatch);
  self->hatch = gdk_memory_texture_new (8, 8, GDK_MEMORY_DEFAULT, bytes, cairo_image_surface_get_stride (surface));
  self->hatch_dark = style->dark;
  cairo_surface_destroy (surface);
}

static guint64
key_of (guint  a,
        guint  b,
        guint  count,
        gboolean none)
{
  return ((guint64) (a & 0xffff) << 48) | ((guint64) (b & 0xffff) << 32) | ((guint64) none << 31) |
         (count & 0x7fffffff);
}

/* A count as cells show it: below 1,000 without the locale's grouping
 * or an allocation. */
static void
format_count (char  *buffer,
              gsize  size,
              guint  count)
{
  if (count < 1000)
    g_snprintf (buffer, size, "%u", count);
  else
    {
      g_autofree char *grouped = measures_text_format_count (count);

      g_strlcpy (buffer, grouped, size);
    }
}

/* Gives every cell and heading its figures. The shades are looked up
 * once for the whole matrix, not for each of its thousands of cells. */
static void
refresh (MeasuresCoverageGrid *self)
{
  MeasuresCoverage *coverage = self->coverage;
  MeasuresChartStyle style = { is_dark () };
  MeasuresChartColors colors;
  MeasuresFill fills[MEASURES_PALETTE_N_LEVELS + 2];
  MeasuresColor inks[MEASURES_PALETTE_N_LEVELS + 2];
  const guint zero = MEASURES_PALETTE_N_LEVELS, none = MEASURES_PALETTE_N_LEVELS + 1;
  guint data_columns = self->n_columns > 0 ? self->n_columns - 1 : 0;
  const char *dash = g_dpgettext2 (GETTEXT_PACKAGE, "coverage", "–");
  char number[32];

  if (coverage == NULL)
    return;

  measures_chart_get_colors (&style, &colors);
  ensure_hatch (self, &style);
  for (guint level = 0; level < MEASURES_PALETTE_N_LEVELS; level++)
    measures_palette_get_shade (MEASURES_SHADE_LEVEL, level, &style, &fills[level], &inks[level]);
  measures_palette_get_shade (MEASURES_SHADE_ZERO, 0, &style, &fills[zero], &inks[zero]);
  measures_palette_get_shade (MEASURES_SHADE_NONE, 0, &style, &fills[none], &inks[none]);

  for (guint c = 0; c < self->n_columns; c++)
    {
      const MeasuresCoverageColumn *column = c < data_columns
                                             ? &g_array_index (coverage->columns, MeasuresCoverageColumn, c) : NULL;
      const char *label = column != NULL ? column->label
                                         : g_dpgettext2 (GETTEXT_PACKAGE, "coverage", "All Matching");

      _measures_coverage_cell_set (g_ptr_array_index (self->column_heads, c), label, NULL, &colors.text,
                                   key_of (column != NULL ? column->value : G_MAXUINT, 0,
                                           column != NULL ? column->matches : coverage->n_matches, FALSE));
    }

  for (guint g = 0; g < self->groups->len; g++)
    {
      const MeasuresCoverageGroup *group = &g_array_index (coverage->groups, MeasuresCoverageGroup, g);

      _measures_coverage_cell_set (g_ptr_array_index (self->groups, g), group->label, NULL, &colors.text,
                                   key_of (group->region, 0, 0, FALSE));
    }

  for (guint r = 0; r < self->n_rows; r++)
    {
      const MeasuresCoverageRow *row = &g_array_index (coverage->rows, MeasuresCoverageRow, r);
      MeasuresCoverageCell **cells = (MeasuresCoverageCell **) self->cells->pdata + (gsize) r * self->n_columns;

      _measures_coverage_cell_set (g_ptr_array_index (self->row_heads, r), row->label, NULL, &colors.text,
                                   key_of (row->country, row->total, row->matches, FALSE));

      for (guint c = 0; c < data_columns; c++)
        {
          guint count = row->cells[c];
          guint shade;

          if (row->possible[c] == 0)
            shade = none;
          else if (count == 0)
            shade = zero;
          else
            shade = measures_palette_get_level (count, coverage->max);

          if (shade == none)
            g_strlcpy (number, dash, sizeof number);
          else
            format_count (number, sizeof number, count);
          _measures_coverage_cell_set (cells[c], number, &fills[shade], &inks[shade],
                                       key_of (row->country,
                                               g_array_index (coverage->columns, MeasuresCoverageColumn, c).value,
                                               count, shade == none));
        }

      format_count (number, sizeof number, row->matches);
      _measures_coverage_cell_set (cells[data_columns], number, NULL, &colors.text,
                                   key_of (row->country, row->total, row->matches, FALSE));
    }

  if (self->labels_source == 0)
    self->labels_source = g_idle_add_full (G_PRIORITY_LOW, update_labels_cb, self, NULL);

  /* The cell with the focus is read at once. */
  {
    MeasuresCoverageCell *cell = focused_cell (self);

    if (cell != NULL)
      update_label (self, cell);
  }
}

static void
dark_changed_cb (MeasuresCoverageGrid *self)
{
  refresh (self);
}

/**
 * measures_coverage_grid_set_coverage:
 * @self: a grid
 * @coverage: (nullable) (transfer none): the matrix to show; the grid
 *   borrows it until it is given another or %NULL
 *
 * Shows @coverage: cells are made only when its shape differs from the
 * last one; otherwise each takes its new figures.
 */
void
measures_coverage_grid_set_coverage (MeasuresCoverageGrid *self,
                                     MeasuresCoverage     *coverage)
{
  gboolean reshaped;

  g_return_if_fail (MEASURES_IS_COVERAGE_GRID (self));

  reshaped = coverage == NULL || self->coverage == NULL ||
             coverage->rows->len != self->n_rows || coverage->columns->len + 1 != self->n_columns ||
             coverage->groups->len != self->groups->len;
  for (guint g = 0; !reshaped && g < coverage->groups->len; g++)
    reshaped = g_array_index (coverage->groups, MeasuresCoverageGroup, g).n_rows !=
               g_array_index (self->coverage->groups, MeasuresCoverageGroup, g).n_rows;

  self->coverage = coverage;
  if (reshaped)
    reshape (self, coverage);
  refresh (self);
}

/**
 * measures_coverage_grid_get_position:
 * @self: a grid
 * @cell: a widget
 * @row: (out): its row, or -1 for a column's heading
 * @column: (out): its column (the last is the total), or -1 for a row's
 *   heading
 *
 * Returns: whether @cell is a cell or a heading of the grid
 */
gboolean
measures_coverage_grid_get_position (MeasuresCoverageGrid *self,
                                     GtkWidget            *cell,
                                     int                  *row,
                                     int                  *column)
{
  g_return_val_if_fail (MEASURES_IS_COVERAGE_GRID (self), FALSE);

  if (cell == NULL || !MEASURES_IS_COVERAGE_CELL (cell) || MEASURES_COVERAGE_CELL (cell)->grid != self ||
      MEASURES_COVERAGE_CELL (cell)->kind == KIND_GROUP)
    return FALSE;

  *row = MEASURES_COVERAGE_CELL (cell)->row;
  *column = MEASURES_COVERAGE_CELL (cell)->column;

  return TRUE;
}

/**
 * measures_coverage_grid_locate:
 * @self: a grid
 * @row: a row, or -1 for the headings
 * @column: a column, or -1 for the names
 * @area: (out): where it is in its area, the widget that
 *   measures_coverage_grid_get_cell() finds it in
 *
 * Returns: whether there is such a cell
 */
gboolean
measures_coverage_grid_locate (MeasuresCoverageGrid *self,
                               int                   row,
                               int                   column,
                               graphene_rect_t      *area)
{
  GtkWidget *cell = measures_coverage_grid_get_cell (self, row, column);
  GdkRectangle box;

  if (cell == NULL)
    return FALSE;

  _measures_coverage_cell_get_area (MEASURES_COVERAGE_CELL (cell), &box);
  graphene_rect_init (area, box.x, box.y, box.width, box.height);

  return TRUE;
}

/**
 * measures_coverage_grid_get_body:
 *
 * Returns: (transfer none): the area of the cells, where they are
 *   clicked
 */
GtkWidget *
measures_coverage_grid_get_body (MeasuresCoverageGrid *self)
{
  g_return_val_if_fail (MEASURES_IS_COVERAGE_GRID (self), NULL);

  return GTK_WIDGET (self->body);
}

static void
measures_coverage_grid_dispose (GObject *object)
{
  MeasuresCoverageGrid *self = MEASURES_COVERAGE_GRID (object);

  g_clear_handle_id (&self->labels_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MEASURES_TYPE_COVERAGE_GRID);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->row_heads, g_ptr_array_unref);
  g_clear_pointer (&self->column_heads, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->row_top, g_array_unref);
  g_clear_pointer (&self->group_top, g_array_unref);
  g_clear_object (&self->hatch);
  self->coverage = NULL;

  G_OBJECT_CLASS (measures_coverage_grid_parent_class)->dispose (object);
}

static void
measures_coverage_grid_class_init (MeasuresCoverageGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_coverage_grid_dispose;
  widget_class->focus = measures_coverage_grid_focus;

  /**
   * MeasuresCoverageGrid::cell-activated:
   * @row: the row, or -1 for a column's heading
   * @column: the column (the last is the country's total), or -1 for a
   *   row's heading
   *
   * A cell or a heading was clicked, or activated from the keyboard.
   */
  signals[CELL_ACTIVATED] =
    g_signal_new ("cell-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  g_type_ensure (MEASURES_TYPE_COVERAGE_AREA);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/measures-coverage-grid.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresCoverageGrid, layout_grid);
  gtk_widget_class_bind_template_child (widget_class, MeasuresCoverageGrid, heads_scroller);
  gtk_widget_class_bind_template_child (widget_class, MeasuresCoverageGrid, names_scroller);
  gtk_widget_class_bind_template_child (widget_class, MeasuresCoverageGrid, body_scroller);
  gtk_widget_class_bind_template_child (widget_class, MeasuresCoverageGrid, heads);
  gtk_widget_class_bind_template_child (widget_class, MeasuresCoverageGrid, names);
  gtk_widget_class_bind_template_child (widget_class, MeasuresCoverageGrid, body);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "coveragegrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
measures_coverage_grid_init (MeasuresCoverageGrid *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cells = g_ptr_array_new ();
  self->row_heads = g_ptr_array_new ();
  self->column_heads = g_ptr_array_new ();
  self->groups = g_ptr_array_new ();
  self->row_top = g_array_new (FALSE, FALSE, sizeof (int));
  self->group_top = g_array_new (FALSE, FALSE, sizeof (int));

  /* The headings follow the cells as they scroll. */
  gtk_scrolled_window_set_hadjustment (self->heads_scroller, gtk_scrolled_window_get_hadjustment (self->body_scroller));
  gtk_scrolled_window_set_vadjustment (self->names_scroller, gtk_scrolled_window_get_vadjustment (self->body_scroller));
  setup_area (self, self->body, AREA_BODY, self->body_scroller);
  setup_area (self, self->names, AREA_NAMES, self->names_scroller);
  setup_area (self, self->heads, AREA_HEADS, self->heads_scroller);

  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}
