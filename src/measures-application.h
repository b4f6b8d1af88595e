/* measures-application.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MEASURES_TYPE_APPLICATION (measures_application_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresApplication, measures_application, MEASURES, APPLICATION, AdwApplication)

MeasuresApplication *measures_application_new (void);

G_END_DECLS
