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
 * and re-sorting through a sort model.
 *
 * Its rows (measures_result_model_get_rows()) are the same places as a
 * model of their own, for a list view: the item at each place is always
 * the same MeasuresResultRow, which is given the measure now shown
 * there. A list view keeps the widgets of a row whose item stays, and
 * makes new ones (cells, their controllers, their accessible objects) for
 * every new item: with the measures themselves as items, a search that
 * changed the first rows made every row in view anew, which was most of
 * the main thread's time while typing. With rows, it only says that rows
 * were added or removed at the end, and the rows in view show their new
 * measures in the widgets they have. */
typedef struct _MeasuresResultRows MeasuresResultRows;

struct _MeasuresResultModel
{
  GObject parent_instance;

  MeasuresIndex *index;
  guint *positions;
  guint n_positions;
  MeasuresResultRows *rows;     /* unowned: cleared when they go */
};

struct _MeasuresResultRow
{
  GObject parent_instance;

  MeasuresResultRows *rows;     /* unowned; NULL once the rows are gone */
  guint item;
  MeasuresMeasure *measure;
};

G_DEFINE_FINAL_TYPE (MeasuresResultRow, measures_result_row, G_TYPE_OBJECT)

enum {
  ROW_PROP_0,
  ROW_PROP_MEASURE,
  N_ROW_PROPS
};

static GParamSpec *row_properties[N_ROW_PROPS];

#define MEASURES_TYPE_RESULT_ROWS (measures_result_rows_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresResultRows, measures_result_rows, MEASURES, RESULT_ROWS, GObject)

struct _MeasuresResultRows
{
  GObject parent_instance;

  MeasuresResultModel *results;  /* owned: the rows keep their results */
  guint n_items;
  GHashTable *live;              /* item → its MeasuresResultRow (unowned) */
};

static void rows_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MeasuresResultRows, measures_result_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, rows_iface_init))

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

/* Rows */

static void
measures_result_row_finalize (GObject *object)
{
  MeasuresResultRow *self = (MeasuresResultRow *)object;

  if (self->rows != NULL)
    g_hash_table_remove (self->rows->live, GUINT_TO_POINTER (self->item));
  g_clear_object (&self->measure);

  G_OBJECT_CLASS (measures_result_row_parent_class)->finalize (object);
}

static void
measures_result_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MeasuresResultRow *self = MEASURES_RESULT_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_MEASURE:
      g_value_set_object (value, self->measure);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_result_row_class_init (MeasuresResultRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = measures_result_row_finalize;
  object_class->get_property = measures_result_row_get_property;

  /**
   * MeasuresResultRow:measure:
   *
   * The measure shown at the row's place now; notified when another one
   * is, or when it is to be shown again (in another language).
   */
  row_properties[ROW_PROP_MEASURE] =
    g_param_spec_object ("measure", NULL, NULL, MEASURES_TYPE_MEASURE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ROW_PROPS, row_properties);
}

static void
measures_result_row_init (MeasuresResultRow *self)
{
}

/**
 * measures_result_row_get_measure:
 *
 * Returns: (transfer none) (nullable): the measure shown at the row's
 *   place; %NULL for a row past the end of the results
 */
MeasuresMeasure *
measures_result_row_get_measure (MeasuresResultRow *self)
{
  g_return_val_if_fail (MEASURES_IS_RESULT_ROW (self), NULL);

  return self->measure;
}

static MeasuresMeasure *
measure_at (MeasuresResultModel *self,
            guint                item)
{
  if (item >= self->n_positions)
    return NULL;

  return measures_index_get_measure (self->index, self->positions[item]);
}

static GType
rows_get_item_type (GListModel *model)
{
  return MEASURES_TYPE_RESULT_ROW;
}

static guint
rows_get_n_items (GListModel *model)
{
  return MEASURES_RESULT_ROWS (model)->n_items;
}

static gpointer
rows_get_item (GListModel *model,
               guint       item)
{
  MeasuresResultRows *self = MEASURES_RESULT_ROWS (model);
  MeasuresResultRow *row;

  if (item >= self->n_items)
    return NULL;

  row = g_hash_table_lookup (self->live, GUINT_TO_POINTER (item));
  if (row != NULL)
    return g_object_ref (row);

  row = g_object_new (MEASURES_TYPE_RESULT_ROW, NULL);
  row->rows = self;
  row->item = item;
  g_set_object (&row->measure, measure_at (self->results, item));
  g_hash_table_insert (self->live, GUINT_TO_POINTER (item), row);

  return row;
}

static void
rows_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rows_get_item_type;
  iface->get_n_items = rows_get_n_items;
  iface->get_item = rows_get_item;
}

static void
measures_result_rows_finalize (GObject *object)
{
  MeasuresResultRows *self = (MeasuresResultRows *)object;
  GHashTableIter iter;
  gpointer row;

  /* Rows still held elsewhere outlive their list. */
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    MEASURES_RESULT_ROW (row)->rows = NULL;
  g_clear_pointer (&self->live, g_hash_table_unref);
  self->results->rows = NULL;
  g_clear_object (&self->results);

  G_OBJECT_CLASS (measures_result_rows_parent_class)->finalize (object);
}

static void
measures_result_rows_class_init (MeasuresResultRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = measures_result_rows_finalize;
}

static void
measures_result_rows_init (MeasuresResultRows *self)
{
  self->live = g_hash_table_new (NULL, NULL);
}

/* Gives each row made the measure now at its place (@all: tells even
 * those whose measure stayed), then tells of the rows added or removed
 * at the end. */
static void
rows_follow (MeasuresResultRows *self,
             gboolean            all)
{
  guint old_n = self->n_items, n = self->results->n_positions;
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer row_pointer;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &row_pointer))
    {
      MeasuresResultRow *row = row_pointer;
      MeasuresMeasure *measure = measure_at (self->results, row->item);

      if (measure != row->measure || all)
        {
          g_set_object (&row->measure, measure);
          /* Told once the table is no longer walked: a handler may let
           * go of the row, which takes it out of the table. */
          g_ptr_array_add (changed, g_object_ref (row));
        }
    }
  for (guint i = 0; i < changed->len; i++)
    g_object_notify_by_pspec (g_ptr_array_index (changed, i), row_properties[ROW_PROP_MEASURE]);

  self->n_items = n;
  if (n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, n - old_n);
  else if (n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), n, old_n - n, 0);
}

/* Results */

static void
measures_result_model_finalize (GObject *object)
{
  MeasuresResultModel *self = (MeasuresResultModel *)object;

  /* The rows hold their results, so none are left. */
  g_assert (self->rows == NULL);
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
  if (self->rows != NULL)
    rows_follow (self->rows, FALSE);
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
  if (self->rows != NULL)
    rows_follow (self->rows, TRUE);
}

/**
 * measures_result_model_get_rows:
 *
 * The places of the results as a list of their own, for a list view:
 * the item at each place is always the same #MeasuresResultRow, and
 * #MeasuresResultRow:measure tells which measure is there now. The
 * list changes only at its end, as the number of results does.
 *
 * Returns: (transfer full): the rows, which hold the results
 */
GListModel *
measures_result_model_get_rows (MeasuresResultModel *self)
{
  g_return_val_if_fail (MEASURES_IS_RESULT_MODEL (self), NULL);

  if (self->rows != NULL)
    return g_object_ref (G_LIST_MODEL (self->rows));

  self->rows = g_object_new (MEASURES_TYPE_RESULT_ROWS, NULL);
  self->rows->results = g_object_ref (self);
  self->rows->n_items = self->n_positions;

  return G_LIST_MODEL (self->rows);
}
