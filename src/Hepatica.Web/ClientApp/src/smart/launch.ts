// SMART App Launch (EHR and standalone): hands over to fhirclient's authorize. Filled in by issue 14 part 2.
import "../shared/base.css";
