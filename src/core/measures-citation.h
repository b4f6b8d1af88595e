/* measures-citation.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "measures-measure.h"
#include "measures-writer.h"

G_BEGIN_DECLS

/**
 * MeasuresCitationStyle:
 * @MEASURES_CITATION_RIS: RIS, as reference managers import it
 * @MEASURES_CITATION_BIBTEX: BibTeX entries in biblatex's fields
 * @MEASURES_CITATION_CSL_JSON: CSL-JSON, as citeproc processors read it
 *
 * The bibliographic formats the measures are written in.
 */
typedef enum
{
  MEASURES_CITATION_RIS,
  MEASURES_CITATION_BIBTEX,
  MEASURES_CITATION_CSL_JSON,
} MeasuresCitationStyle;

char     *measures_citation_dup_text      (GPtrArray              *measures,
                                           const char             *lang);
char     *measures_citation_dup_key       (MeasuresMeasure        *measure);
gboolean  measures_citation_to_stream     (GPtrArray              *measures,
                                           MeasuresCitationStyle   style,
                                           const char             *lang,
                                           GOutputStream          *out,
                                           MeasuresWriterProgress  progress,
                                           gpointer                user_data,
                                           GCancellable           *cancellable,
                                           GError                **error);
GBytes   *measures_citation_to_bytes      (GPtrArray              *measures,
                                           MeasuresCitationStyle   style,
                                           const char             *lang);

G_END_DECLS
