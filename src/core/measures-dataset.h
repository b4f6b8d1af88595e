/* measures-dataset.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "measures-measure.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_PROBLEM (measures_problem_get_type ())
#define MEASURES_TYPE_DATASET (measures_dataset_get_type ())

/**
 * MeasuresProblem:
 * @file: the display name of the file
 * @line: the line, or 0 when unknown
 * @column: the column, or 0 when unknown
 * @index: the 1-based index of the record, or 0 for the whole file
 * @id: (nullable): the id of the record, when known
 * @message: what is wrong, in plain words
 *
 * One thing that could not be read.
 */
typedef struct
{
  char *file;
  guint line;
  guint column;
  guint index;
  char *id;
  char *message;
} MeasuresProblem;

GType             measures_problem_get_type      (void) G_GNUC_CONST;
MeasuresProblem  *measures_problem_new           (const char             *file,
                                                  guint                   index,
                                                  const char             *id,
                                                  const char             *message);
MeasuresProblem  *measures_problem_copy          (const MeasuresProblem  *self);
void              measures_problem_free          (MeasuresProblem        *self);
char             *measures_problem_to_string     (const MeasuresProblem  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresProblem, measures_problem_free)

G_DECLARE_FINAL_TYPE (MeasuresDataset, measures_dataset, MEASURES, DATASET, GObject)

MeasuresDataset  *measures_dataset_new           (GFile                  *file,
                                                  const char             *name);
GFile            *measures_dataset_get_file      (MeasuresDataset        *self);
const char       *measures_dataset_get_name      (MeasuresDataset        *self);
GPtrArray        *measures_dataset_get_measures  (MeasuresDataset        *self);
guint             measures_dataset_get_n_measures (MeasuresDataset        *self);
GPtrArray        *measures_dataset_get_problems  (MeasuresDataset        *self);
const GError     *measures_dataset_get_error     (MeasuresDataset        *self);
void              measures_dataset_get_place     (MeasuresDataset        *self,
                                                  guint                   position,
                                                  guint                  *index,
                                                  guint                  *line);
void              measures_dataset_add_measure   (MeasuresDataset        *self,
                                                  MeasuresMeasure        *measure,
                                                  guint                   index,
                                                  guint                   line);
void              measures_dataset_add_problem   (MeasuresDataset        *self,
                                                  MeasuresProblem        *problem);
void              measures_dataset_take_error    (MeasuresDataset        *self,
                                                  GError                 *error);
GPtrArray        *measures_datasets_merge        (GPtrArray              *datasets,
                                                  GPtrArray              *problems);

G_END_DECLS
