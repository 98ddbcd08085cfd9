import Testing
@testable import IntegrityActionPlan
@testable import IntegrityAgencyData
@testable import IntegrityDecimal
