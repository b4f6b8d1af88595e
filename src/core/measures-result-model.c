/* measures-result-model.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-result-model"

#include "config.h"

#include <string.h>

#include "measures-result-model.h"

/* The measures that match, in the chosen order, as a GListModel. Each
 * change of query or order is applied in one step, with one
 * items-changed, instead of testing every row through a filter model
 * and re-sorting through a sort model. */
struct _MeasuresResultModel
{
  GObject parent_instance;

  MeasuresIndex *index;
  guint *positions;
  guint n_positions;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MeasuresResultModel, measures_result_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return MEASURES_TYPE_MEASURE;
}

static guint
get_n_items (GListModel *model)
{
  return MEASURES_RESULT_MODEL (model)->n_positions;
}

static gpointer
get_item (GListModel *model,
          guint       item)
{
  MeasuresResultModel *self = MEASURES_RESULT_MODEL (model);

  if (item >= self->n_positions)
    return NULL;

  return g_object_ref (measures_index_get_measure (self->index, self->positions[item]));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
measures_result_model_finalize (GObject *object)
{
  MeasuresResultModel *self = (MeasuresResultModel *)object;

  g_clear_object (&self->index);
  g_clear_pointer (&self->positions, g_free);

  G_OBJECT_CLASS (measures_result_model_parent_class)->finalize (object);
}

static void
measures_result_model_class_init (MeasuresResultModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = measures_result_model_finalize;
}

static void
measures_result_model_init (MeasuresResultModel *self)
{
}

MeasuresResultModel *
measures_result_model_new (void)
{
  return g_object_new (MEASURES_TYPE_RESULT_MODEL, NULL);
}

/**
 * measures_result_model_update:
 * @self: a result model
 * @index: (nullable): the index of all measures
 * @matches: (nullable): the measures to show; %NULL shows none
 * @sort: the order to show them in
 * @descending: whether that order runs backwards
 *
 * Shows the measures of @matches in the order of @sort.
 */
void
measures_result_model_update (MeasuresResultModel  *self,
                              MeasuresIndex        *index,
                              const MeasuresBitset *matches,
                              MeasuresSort          sort,
                              gboolean              descending)
{
  guint old_n;
  guint *positions;
  guint n = 0, first = 0, last = 0;

  g_return_if_fail (MEASURES_IS_RESULT_MODEL (self));
  g_return_if_fail (index == NULL || MEASURES_IS_INDEX (index));

  if (index != NULL && matches != NULL)
    {
      guint total = measures_index_get_n_measures (index);
      const guint *order = measures_index_get_order (index, sort, descending);

      g_return_if_fail (matches->n_bits == total);

      positions = g_new (guint, MAX (total, 1));
      for (guint i = 0; i < total; i++)
        if (measures_bitset_get (matches, order[i]))
          positions[n++] = order[i];
    }
  else
    positions = g_new (guint, 1);

  if (self->index == index && n == self->n_positions &&
      (n == 0 || memcmp (positions, self->positions, n * sizeof (guint)) == 0))
    {
      g_free (positions);
      return;
    }

  old_n = self->n_positions;
  if (self->index == index)
    {
      /* Only the stretch between what stays at the start and what stays
       * at the end changes: the rows shown keep their widgets when the
       * change is further down, and the views look at fewer items. */
      guint same = MIN (old_n, n);

      while (first < same && positions[first] == self->positions[first])
        first++;
      while (last < same - first &&
             positions[n - 1 - last] == self->positions[old_n - 1 - last])
        last++;
    }

  g_set_object (&self->index, index);
  g_free (self->positions);
  self->positions = positions;
  self->n_positions = n;

  g_list_model_items_changed (G_LIST_MODEL (self), first, old_n - first - last, n - first - last);
}

/**
 * measures_result_model_get_position:
 *
 * Returns: the position in the index of the measure shown at @item
 */
guint
measures_result_model_get_position (MeasuresResultModel *self,
                                    guint                item)
{
  g_return_val_if_fail (MEASURES_IS_RESULT_MODEL (self), G_MAXUINT);
  g_return_val_if_fail (item < self->n_positions, G_MAXUINT);

  return self->positions[item];
}

/**
 * measures_result_model_find:
 * @position: the position of a measure in the model's index
 *
 * Returns: where the measure at @position is shown, or %G_MAXUINT if it
 *   is not
 */
guint
measures_result_model_find (MeasuresResultModel *self,
                            guint                position)
{
  g_return_val_if_fail (MEASURES_IS_RESULT_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->n_positions; i++)
    if (self->positions[i] == position)
      return i;

  return G_MAXUINT;
}

/**
 * measures_result_model_get_index:
 *
 * Returns: (transfer none) (nullable): the index of the measures shown
 */
MeasuresIndex *
measures_result_model_get_index (MeasuresResultModel *self)
{
  g_return_val_if_fail (MEASURES_IS_RESULT_MODEL (self), NULL);

  return self->index;
}

/**
 * measures_result_model_refresh:
 *
 * Tells the views that every item should be shown again, after what
 * they show of an item, such as its language, changed.
 */
void
measures_result_model_refresh (MeasuresResultModel *self)
{
  g_return_if_fail (MEASURES_IS_RESULT_MODEL (self));

  g_list_model_items_changed (G_LIST_MODEL (self), 0, self->n_positions, self->n_positions);
}
