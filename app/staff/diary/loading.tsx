export { StaffPageLoading as default } from "@/components/staff/staff-page-loading";
