/* measures-index-orders-private.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sort orders of a MeasuresIndex, kept apart from its sets.
 */

#pragma once

#include "measures-index.h"

G_BEGIN_DECLS

typedef struct _MeasuresIndexOrders MeasuresIndexOrders;

MeasuresIndexOrders *_measures_index_orders_new    (GPtrArray           *measures,
                                                    const int           *year_from,
                                                    const int           *year_to);
void                 _measures_index_orders_free   (MeasuresIndexOrders *self);
void                 _measures_index_orders_forget (MeasuresIndexOrders *self);
const guint         *_measures_index_orders_get    (MeasuresIndexOrders *self,
                                                    MeasuresSort         sort,
                                                    gboolean             descending);

G_END_DECLS
