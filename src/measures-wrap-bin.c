/* measures-wrap-bin.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-wrap-bin"

#include "config.h"

#include "measures-wrap-bin.h"

/* Holds a label that wraps, inside a row: a horizontal box or a check
 * button. The row, as it allocates, asks each child how wide it must
 * be for the row's height; a wrapping label answers that by laying its
 * text out at width after width, a dozen times, for every height it is
 * asked about. In the filter sidebar and the detail pane that was most
 * of the window's first layout. A wrap bin answers with the label's
 * widths alone, which the label keeps, and the row shares its width
 * out just the same: the label then wraps to the width it is given. */

struct _MeasuresWrapBin
{
  GtkWidget parent_instance;

  GtkWidget *child;
};

G_DEFINE_FINAL_TYPE (MeasuresWrapBin, measures_wrap_bin, GTK_TYPE_WIDGET)

static GtkSizeRequestMode
measures_wrap_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
measures_wrap_bin_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  MeasuresWrapBin *self = MEASURES_WRAP_BIN (widget);

  if (self->child == NULL || !gtk_widget_should_layout (self->child))
    {
      *minimum = *natural = 0;
      return;
    }

  /* Widths do not depend on the height: the height depends on the width. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    for_size = -1;

  gtk_widget_measure (self->child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
measures_wrap_bin_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  MeasuresWrapBin *self = MEASURES_WRAP_BIN (widget);

  if (self->child != NULL && gtk_widget_should_layout (self->child))
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

/* A label one can select text in takes the focus through the bin. */
static gboolean
measures_wrap_bin_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  MeasuresWrapBin *self = MEASURES_WRAP_BIN (widget);

  return self->child != NULL && gtk_widget_child_focus (self->child, direction);
}

static gboolean
measures_wrap_bin_grab_focus (GtkWidget *widget)
{
  MeasuresWrapBin *self = MEASURES_WRAP_BIN (widget);

  return self->child != NULL && gtk_widget_grab_focus (self->child);
}

static void
measures_wrap_bin_dispose (GObject *object)
{
  MeasuresWrapBin *self = MEASURES_WRAP_BIN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (measures_wrap_bin_parent_class)->dispose (object);
}

static void
measures_wrap_bin_class_init (MeasuresWrapBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_wrap_bin_dispose;

  widget_class->get_request_mode = measures_wrap_bin_get_request_mode;
  widget_class->measure = measures_wrap_bin_measure;
  widget_class->size_allocate = measures_wrap_bin_size_allocate;
  widget_class->focus = measures_wrap_bin_focus;
  widget_class->grab_focus = measures_wrap_bin_grab_focus;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
measures_wrap_bin_init (MeasuresWrapBin *self)
{
}

/**
 * measures_wrap_bin_new:
 * @child: (transfer floating): a label that wraps, or a widget holding one
 *
 * Returns: (transfer floating): a bin holding @child
 */
GtkWidget *
measures_wrap_bin_new (GtkWidget *child)
{
  MeasuresWrapBin *self;

  g_return_val_if_fail (GTK_IS_WIDGET (child), NULL);
  g_return_val_if_fail (gtk_widget_get_parent (child) == NULL, NULL);

  self = g_object_new (MEASURES_TYPE_WRAP_BIN, NULL);
  self->child = child;
  gtk_widget_set_parent (child, GTK_WIDGET (self));

  return GTK_WIDGET (self);
}

/**
 * measures_wrap_bin_get_child:
 *
 * Returns: (transfer none): what @self holds
 */
GtkWidget *
measures_wrap_bin_get_child (MeasuresWrapBin *self)
{
  g_return_val_if_fail (MEASURES_IS_WRAP_BIN (self), NULL);

  return self->child;
}
