/* measures-coverage-grid-private.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the coverage grid (measures-coverage-grid.c: its shape, figures,
 * focus and keys) shares with its cells and the areas that hold them
 * (measures-coverage-cell.c: how they are laid out, drawn and found).
 */

#pragma once

#include <gtk/gtk.h>

#include "measures-canvas.h"
#include "measures-coverage-grid.h"

G_BEGIN_DECLS

/* The grid's geometry, in pixels: every cell of a kind has one size. */
#define GRID_CELL_WIDTH 42
#define GRID_ROW_HEIGHT 28
#define GRID_GROUP_HEIGHT 32
#define GRID_NAMES_WIDTH 200
#define GRID_HEAD_HEIGHT 150
#define GRID_OVERFLOW 128        /* the last headings, turned, reach past the cells */
#define GRID_HEADING_LENGTH 185

typedef enum
{
  KIND_CELL,
  KIND_TOTAL,
  KIND_ROW_HEAD,
  KIND_COLUMN_HEAD,
  KIND_GROUP,
} CellKind;

typedef enum
{
  AREA_BODY,
  AREA_NAMES,
  AREA_HEADS,
} AreaKind;

#define MEASURES_TYPE_COVERAGE_CELL (measures_coverage_cell_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresCoverageCell, measures_coverage_cell, MEASURES, COVERAGE_CELL, GtkWidget)

struct _MeasuresCoverageCell
{
  GtkWidget parent_instance;

  /* Owned references */
  PangoLayout *layout;      /* made when first drawn */

  /* Borrowed references */
  MeasuresCoverageGrid *grid;

  /* State */
  CellKind kind;
  int row;                  /* -1 for a column heading; a group's index for a group */
  int column;               /* -1 for a row heading */
  char *text;
  MeasuresFill fill;
  MeasuresColor ink;
  guint64 label_key;        /* what its accessible name says, in short */
  gboolean label_dirty;
};

#define MEASURES_TYPE_COVERAGE_AREA (measures_coverage_area_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresCoverageArea, measures_coverage_area, MEASURES, COVERAGE_AREA, GtkWidget)

struct _MeasuresCoverageArea
{
  GtkWidget parent_instance;

  /* Borrowed references */
  MeasuresCoverageGrid *grid;
  GtkAdjustment *hadjustment;   /* of the scrolled window it is in */
  GtkAdjustment *vadjustment;

  /* State */
  AreaKind kind;
};

struct _MeasuresCoverageGrid
{
  GtkWidget parent_instance;

  /* Template children */
  GtkWidget *layout_grid;
  GtkScrolledWindow *heads_scroller;
  GtkScrolledWindow *names_scroller;
  GtkScrolledWindow *body_scroller;
  MeasuresCoverageArea *heads;
  MeasuresCoverageArea *names;
  MeasuresCoverageArea *body;

  /* Owned references */
  GPtrArray *cells;         /* MeasuresCoverageCell, row by row, the total last */
  GPtrArray *row_heads;
  GPtrArray *column_heads;
  GPtrArray *groups;
  GArray *row_top;          /* int, the top of each row */
  GArray *group_top;        /* int, the top of each group's heading */
  GdkTexture *hatch;        /* the hatch of "none", for the style it was made in */

  /* Borrowed references */
  MeasuresCoverage *coverage;

  /* State */
  guint n_rows;
  guint n_columns;          /* with the total */
  int height;
  int focus_row;            /* where the focus was, or goes when it comes back */
  int focus_column;
  gboolean hatch_dark;
  guint labels_source;
};

MeasuresCoverageCell *_measures_coverage_cell_new     (MeasuresCoverageGrid *grid,
                                                       CellKind              kind,
                                                       int                   row,
                                                       int                   column);
void                  _measures_coverage_cell_set     (MeasuresCoverageCell *cell,
                                                       const char           *text,
                                                       const MeasuresFill   *fill,
                                                       const MeasuresColor  *ink,
                                                       guint64               label_key);
void                  _measures_coverage_cell_get_area (MeasuresCoverageCell *cell,
                                                        GdkRectangle         *area);
MeasuresCoverageCell *_measures_coverage_area_pick    (MeasuresCoverageArea *area,
                                                       double                x,
                                                       double                y);
guint                 _measures_coverage_grid_row_at_or_after (MeasuresCoverageGrid *self,
                                                               double                y);
int                   _measures_coverage_grid_row_at  (MeasuresCoverageGrid *self,
                                                       double                y);
void                  _measures_coverage_grid_activate (MeasuresCoverageGrid *self,
                                                        int                   row,
                                                        int                   column);

G_END_DECLS
