/* measures-record-reader-private.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "measures-measure.h"
#include "measures-store.h"

G_BEGIN_DECLS

typedef struct _MeasuresRecordReader MeasuresRecordReader;

MeasuresRecordReader *_measures_record_reader_new  (void);
void                  _measures_record_reader_free (MeasuresRecordReader *self);
MeasuresMeasure      *_measures_record_reader_read (MeasuresRecordReader *self,
                                                    const char           *data,
                                                    gsize                 length,
                                                    MeasuresStrings      *strings);
JsonNode             *_measures_record_reader_read_json (MeasuresRecordReader *self,
                                                         const char           *text,
                                                         gsize                 length);
gboolean              _measures_record_reader_check_object (MeasuresRecordReader *self,
                                                            const char           *text,
                                                            gsize                 length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresRecordReader, _measures_record_reader_free)

G_END_DECLS
