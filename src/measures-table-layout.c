/* measures-table-layout.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-table-layout"

#include "config.h"

#include "measures-table-layout.h"

/* A row of a table made of a GtkListBox: the widget it lays out holds
 * one cell a column, and each column is as wide in every row, from the
 * sizes of that column's cells in all the rows of the list that are
 * laid out by a table layout too. So the rows stay keyboard rows of a
 * list (focus, activation, a label for screen readers each) and their
 * cells line up under the heading row, however the cells wrap.
 *
 * GtkSizeGroup does not do this for a row whose first column expands
 * and whose headings wrap: the rows then get different widths.
 *
 * Widths: each column its natural width when the row has room, the
 * column chosen to expand taking what is left; with less room, every
 * column its minimum and the rest shared in proportion to what each
 * lacks of its natural width. Every row gets the same width from the
 * list, so every row gets the same columns. */

struct _MeasuresTableLayout
{
  GtkLayoutManager parent_instance;

  int spacing;
  guint expand_column;
};

G_DEFINE_FINAL_TYPE (MeasuresTableLayout, measures_table_layout, GTK_TYPE_LAYOUT_MANAGER)

static guint
count_cells (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static void
add_cells (GtkWidget *row,
           guint      n,
           int       *mins,
           int       *nats)
{
  guint c = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL && c < n;
       child = gtk_widget_get_next_sibling (child), c++)
    {
      int min = 0, nat = 0;

      if (gtk_widget_should_layout (child))
        gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      mins[c] = MAX (mins[c], min);
      nats[c] = MAX (nats[c], MAX (min, nat));
    }
}

/* The minimum and natural width of each of the @n columns of @widget's
 * table: of its own cells, and of those of the other rows of its list. */
static void
column_sizes (GtkWidget *widget,
              guint      n,
              int       *mins,
              int       *nats)
{
  GtkWidget *row = gtk_widget_get_parent (widget);
  GtkWidget *list = row != NULL ? gtk_widget_get_parent (row) : NULL;

  for (guint c = 0; c < n; c++)
    mins[c] = nats[c] = 0;

  if (!GTK_IS_LIST_BOX_ROW (row) || !GTK_IS_LIST_BOX (list))
    {
      add_cells (widget, n, mins, nats);
      return;
    }

  for (GtkWidget *other = gtk_widget_get_first_child (list); other != NULL;
       other = gtk_widget_get_next_sibling (other))
    {
      GtkWidget *cells = GTK_IS_LIST_BOX_ROW (other) ? gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (other)) : NULL;

      if (cells != NULL && MEASURES_IS_TABLE_LAYOUT (gtk_widget_get_layout_manager (cells)))
        add_cells (cells, n, mins, nats);
    }
}

/* The widths of the columns in a row @width wide. */
static void
distribute (MeasuresTableLayout *self,
            guint                n,
            const int           *mins,
            const int           *nats,
            int                  width,
            int                 *widths)
{
  int room = width - self->spacing * (int) (n > 0 ? n - 1 : 0);
  int sum_min = 0, sum_nat = 0;

  for (guint c = 0; c < n; c++)
    {
      sum_min += mins[c];
      sum_nat += nats[c];
    }

  if (room >= sum_nat)
    {
      for (guint c = 0; c < n; c++)
        widths[c] = nats[c];
      if (self->expand_column < n)
        widths[self->expand_column] += room - sum_nat;
    }
  else if (room > sum_min && sum_nat > sum_min)
    {
      int given = 0;

      /* Rounded down, the last column gets the rest. */
      for (guint c = 0; c < n; c++)
        {
          widths[c] = mins[c] + (int) ((gint64) (nats[c] - mins[c]) * (room - sum_min) / (sum_nat - sum_min));
          given += widths[c];
        }
      if (n > 0)
        widths[n - 1] += room - given;
    }
  else
    for (guint c = 0; c < n; c++)
      widths[c] = mins[c];
}

static void
measures_table_layout_measure (GtkLayoutManager *manager,
                               GtkWidget        *widget,
                               GtkOrientation    orientation,
                               int               for_size,
                               int              *minimum,
                               int              *natural,
                               int              *minimum_baseline,
                               int              *natural_baseline)
{
  MeasuresTableLayout *self = MEASURES_TABLE_LAYOUT (manager);
  guint n = count_cells (widget);
  g_autofree int *mins = g_new0 (int, MAX (n, 1));
  g_autofree int *nats = g_new0 (int, MAX (n, 1));
  int spacing = self->spacing * (int) (n > 0 ? n - 1 : 0);

  column_sizes (widget, n, mins, nats);
  *minimum = *natural = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      for (guint c = 0; c < n; c++)
        {
          *minimum += mins[c];
          *natural += nats[c];
        }
      *minimum += spacing;
      *natural += spacing;
    }
  else
    {
      g_autofree int *widths = g_new0 (int, MAX (n, 1));
      int width = for_size;
      guint c = 0;

      if (width < 0)
        {
          width = spacing;
          for (guint k = 0; k < n; k++)
            width += nats[k];
        }
      distribute (self, n, mins, nats, width, widths);

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child), c++)
        {
          int min = 0, nat = 0;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, widths[c], &min, &nat, NULL, NULL);
          *minimum = MAX (*minimum, min);
          *natural = MAX (*natural, nat);
        }
    }

  *minimum_baseline = *natural_baseline = -1;
}

static void
measures_table_layout_allocate (GtkLayoutManager *manager,
                                GtkWidget        *widget,
                                int               width,
                                int               height,
                                int               baseline)
{
  MeasuresTableLayout *self = MEASURES_TABLE_LAYOUT (manager);
  guint n = count_cells (widget);
  g_autofree int *mins = g_new0 (int, MAX (n, 1));
  g_autofree int *nats = g_new0 (int, MAX (n, 1));
  g_autofree int *widths = g_new0 (int, MAX (n, 1));
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int x = 0;
  guint c = 0;

  column_sizes (widget, n, mins, nats);
  distribute (self, n, mins, nats, width, widths);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child), c++)
    {
      int left = rtl ? width - x - widths[c] : x;

      if (gtk_widget_should_layout (child))
        gtk_widget_allocate (child, widths[c], height, -1,
                             gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (left, 0)));
      x += widths[c] + self->spacing;
    }
}

static GtkSizeRequestMode
measures_table_layout_get_request_mode (GtkLayoutManager *manager,
                                        GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
measures_table_layout_class_init (MeasuresTableLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->get_request_mode = measures_table_layout_get_request_mode;
  layout_class->measure = measures_table_layout_measure;
  layout_class->allocate = measures_table_layout_allocate;
}

static void
measures_table_layout_init (MeasuresTableLayout *self)
{
  self->expand_column = G_MAXUINT;
}

/**
 * measures_table_layout_new:
 * @spacing: the room between columns
 * @expand_column: the column that takes the room the others leave, or
 *   %G_MAXUINT for none
 *
 * Returns: (transfer full): a layout for a widget whose children are the
 *   cells of a row of a table made of a #GtkListBox
 */
GtkLayoutManager *
measures_table_layout_new (int   spacing,
                           guint expand_column)
{
  MeasuresTableLayout *self = g_object_new (MEASURES_TYPE_TABLE_LAYOUT, NULL);

  self->spacing = MAX (spacing, 0);
  self->expand_column = expand_column;

  return GTK_LAYOUT_MANAGER (self);
}
