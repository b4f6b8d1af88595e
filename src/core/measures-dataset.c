/* measures-dataset.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-dataset"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "measures-dataset.h"

/* The measures read from one file, with what could not be read. A file
 * that could not be read at all has an error and no measures.
 */
struct _MeasuresDataset
{
  GObject parent_instance;

  GFile *file;
  char *name;
  GPtrArray *measures;
  GArray *places;      /* Place, for each measure */
  GPtrArray *problems;
  GError *error;
};

/* Where a measure stands in its file, for messages about it. */
typedef struct
{
  guint index;
  guint line;
} Place;

G_DEFINE_FINAL_TYPE (MeasuresDataset, measures_dataset, G_TYPE_OBJECT)

/* Written out rather than with G_DEFINE_BOXED_TYPE, whose GCC variant
 * converts its arguments to a union, which ISO C does not allow. */
GType
measures_problem_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    {
      GType registered = g_boxed_type_register_static (g_intern_static_string ("MeasuresProblem"),
                                                       (GBoxedCopyFunc) measures_problem_copy,
                                                       (GBoxedFreeFunc) measures_problem_free);

      g_once_init_leave (&type, registered);
    }

  return type;
}

MeasuresProblem *
measures_problem_new (const char *file,
                      guint       index,
                      const char *id,
                      const char *message)
{
  MeasuresProblem *self = g_new0 (MeasuresProblem, 1);

  self->file = g_strdup (file);
  self->index = index;
  self->id = g_strdup (id);
  self->message = g_strdup (message);

  return self;
}

MeasuresProblem *
measures_problem_copy (const MeasuresProblem *self)
{
  MeasuresProblem *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = measures_problem_new (self->file, self->index, self->id, self->message);
  copy->line = self->line;
  copy->column = self->column;

  return copy;
}

void
measures_problem_free (MeasuresProblem *self)
{
  if (self == NULL)
    return;

  g_free (self->file);
  g_free (self->id);
  g_free (self->message);
  g_free (self);
}

/**
 * measures_problem_to_string:
 *
 * Returns: (transfer full): one line such as
 *   "data.json:12:3: record 4 (“md-2010”): “country” is missing"
 */
char *
measures_problem_to_string (const MeasuresProblem *self)
{
  GString *out = g_string_new (self->file);

  if (self->line > 0)
    g_string_append_printf (out, ":%u", self->line);
  if (self->line > 0 && self->column > 0)
    g_string_append_printf (out, ":%u", self->column);
  g_string_append (out, ": ");

  if (self->index > 0 && self->id != NULL)
    /* Translators: %u is the number of a record in its file, %s its id */
    g_string_append_printf (out, _("record %u (“%s”): "), self->index, self->id);
  else if (self->index > 0)
    /* Translators: %u is the number of a record in its file */
    g_string_append_printf (out, _("record %u: "), self->index);

  g_string_append (out, self->message);

  return g_string_free (out, FALSE);
}

static void
measures_dataset_finalize (GObject *object)
{
  MeasuresDataset *self = (MeasuresDataset *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->measures, g_ptr_array_unref);
  g_clear_pointer (&self->places, g_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (measures_dataset_parent_class)->finalize (object);
}

static void
measures_dataset_class_init (MeasuresDatasetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = measures_dataset_finalize;
}

static void
measures_dataset_init (MeasuresDataset *self)
{
  self->measures = g_ptr_array_new_with_free_func (g_object_unref);
  self->places = g_array_new (FALSE, FALSE, sizeof (Place));
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) measures_problem_free);
}

/**
 * measures_dataset_new:
 * @file: (nullable): where the dataset comes from
 * @name: the name to show for it
 */
MeasuresDataset *
measures_dataset_new (GFile      *file,
                      const char *name)
{
  MeasuresDataset *self;

  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (MEASURES_TYPE_DATASET, NULL);
  self->file = file != NULL ? g_object_ref (file) : NULL;
  self->name = g_strdup (name);

  return self;
}

/**
 * measures_dataset_get_file:
 *
 * Returns: (transfer none) (nullable): the file
 */
GFile *
measures_dataset_get_file (MeasuresDataset *self)
{
  g_return_val_if_fail (MEASURES_IS_DATASET (self), NULL);

  return self->file;
}

const char *
measures_dataset_get_name (MeasuresDataset *self)
{
  g_return_val_if_fail (MEASURES_IS_DATASET (self), NULL);

  return self->name;
}

/**
 * measures_dataset_get_measures:
 *
 * Returns: (transfer none) (element-type MeasuresMeasure): the measures
 */
GPtrArray *
measures_dataset_get_measures (MeasuresDataset *self)
{
  g_return_val_if_fail (MEASURES_IS_DATASET (self), NULL);

  return self->measures;
}

guint
measures_dataset_get_n_measures (MeasuresDataset *self)
{
  g_return_val_if_fail (MEASURES_IS_DATASET (self), 0);

  return self->measures->len;
}

/**
 * measures_dataset_get_problems:
 *
 * Returns: (transfer none) (element-type MeasuresProblem): the problems
 */
GPtrArray *
measures_dataset_get_problems (MeasuresDataset *self)
{
  g_return_val_if_fail (MEASURES_IS_DATASET (self), NULL);

  return self->problems;
}

/**
 * measures_dataset_get_error:
 *
 * Returns: (nullable): why the file could not be read at all
 */
const GError *
measures_dataset_get_error (MeasuresDataset *self)
{
  g_return_val_if_fail (MEASURES_IS_DATASET (self), NULL);

  return self->error;
}

/**
 * measures_dataset_add_measure:
 * @index: the 1-based number of the record in its file
 * @line: the line where the record starts, or 0
 */
/**
 * measures_dataset_get_place:
 * @position: a measure's position in @self
 * @index: (out): its position in its file, from 1
 * @line: (out): the line it starts on, or 0
 */
void
measures_dataset_get_place (MeasuresDataset *self,
                            guint            position,
                            guint           *index,
                            guint           *line)
{
  g_return_if_fail (MEASURES_IS_DATASET (self));
  g_return_if_fail (position < self->places->len);

  *index = g_array_index (self->places, Place, position).index;
  *line = g_array_index (self->places, Place, position).line;
}

void
measures_dataset_add_measure (MeasuresDataset *self,
                              MeasuresMeasure *measure,
                              guint            index,
                              guint            line)
{
  Place place = { index, line };

  g_return_if_fail (MEASURES_IS_DATASET (self));
  g_return_if_fail (MEASURES_IS_MEASURE (measure));

  g_ptr_array_add (self->measures, g_object_ref (measure));
  g_array_append_val (self->places, place);
}

/**
 * measures_dataset_add_problem:
 * @problem: (transfer full): a problem
 */
void
measures_dataset_add_problem (MeasuresDataset *self,
                              MeasuresProblem *problem)
{
  g_return_if_fail (MEASURES_IS_DATASET (self));
  g_return_if_fail (problem != NULL);

  g_ptr_array_add (self->problems, problem);
}

/**
 * measures_dataset_take_error:
 * @error: (transfer full): why the file could not be read
 */
void
measures_dataset_take_error (MeasuresDataset *self,
                             GError          *error)
{
  g_return_if_fail (MEASURES_IS_DATASET (self));
  g_return_if_fail (error != NULL);

  g_clear_error (&self->error);
  self->error = error;
}

static gboolean
is_edited_copy (MeasuresMeasure *measure)
{
  JsonObject *extra = measures_measure_get_extra (measure);

  return extra != NULL && json_object_has_member (extra, MEASURES_EDITED_FROM_KEY);
}

/**
 * measures_datasets_merge:
 * @datasets: (element-type MeasuresDataset): datasets in the order given
 * @problems: (element-type MeasuresProblem) (nullable): where to add
 *   the problems of every dataset, and the ids that more than one
 *   dataset holds
 *
 * Puts the measures of several datasets together. When two datasets hold
 * the same id, the later one wins and a problem says which.
 *
 * Returns: (transfer container) (element-type MeasuresMeasure): the measures
 */
GPtrArray *
measures_datasets_merge (GPtrArray *datasets,
                         GPtrArray *problems)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *measures = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < datasets->len; i++)
    {
      MeasuresDataset *dataset = g_ptr_array_index (datasets, i);
      guint first = measures->len;

      if (problems != NULL)
        {
          if (dataset->error != NULL)
            g_ptr_array_add (problems, measures_problem_new (dataset->name, 0, NULL,
                                                             dataset->error->message));

          for (guint j = 0; j < dataset->problems->len; j++)
            g_ptr_array_add (problems, measures_problem_copy (g_ptr_array_index (dataset->problems, j)));
        }

      for (guint j = 0; j < dataset->measures->len; j++)
        {
          MeasuresMeasure *measure = g_ptr_array_index (dataset->measures, j);
          const char *id = measures_measure_get_id (measure);
          gpointer earlier;

          if (g_hash_table_lookup_extended (by_id, id, NULL, &earlier))
            {
              guint position = GPOINTER_TO_UINT (earlier);
              MeasuresMeasure *replaced = g_ptr_array_index (measures, position);

              /* An edited copy of a measure of an earlier dataset (My
               * Measures') replaces it as it says it does. */
              if (problems != NULL && !(position < first && is_edited_copy (measure)))
                {
                  const Place *place = &g_array_index (dataset->places, Place, j);
                  MeasuresProblem *problem =
                    measures_problem_new (dataset->name, place->index, id,
                                          _("an earlier record has the same id; this one replaces it"));

                  problem->line = place->line;
                  g_ptr_array_add (problems, problem);
                }

              g_ptr_array_index (measures, position) = g_object_ref (measure);
              g_object_unref (replaced);
              g_hash_table_replace (by_id, (gpointer) id, GUINT_TO_POINTER (position));
            }
          else
            {
              g_hash_table_insert (by_id, (gpointer) id, GUINT_TO_POINTER (measures->len));
              g_ptr_array_add (measures, g_object_ref (measure));
            }
        }
    }

  return measures;
}
