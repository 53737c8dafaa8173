/** Where the API's documentation lists the acknowledgement routes; who may is the accounts feature's (REPORT_VIEWERS). */
export const ACKNOWLEDGEMENT_TAGS = ['Acknowledgements'];
export const ACKNOWLEDGEMENT_REPORT_TAGS = ['Acknowledgement reports (managers)'];
